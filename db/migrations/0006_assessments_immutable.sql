-- A final assessment is a snapshot of a decision: once finalized its row never changes and is
-- never deleted; corrections are appended as amendments, which are append-only too (ADR 0006).
CREATE OR REPLACE FUNCTION assessments_reject_final_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'final' THEN
    RAISE EXCEPTION 'a final assessment is immutable (% rejected); amend it instead', TG_OP USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessments_final_immutable
  BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_reject_final_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION assessment_amendments_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'assessment_amendments is append-only (% rejected)', TG_OP USING ERRCODE = '42501';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessment_amendments_no_update_delete
  BEFORE UPDATE OR DELETE ON assessment_amendments
  FOR EACH ROW EXECUTE FUNCTION assessment_amendments_reject_change();
