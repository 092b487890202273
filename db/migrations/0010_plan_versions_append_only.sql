-- A saved plan version is a record of what was prescribed: it is never changed or deleted.
-- Publishing points the plan at a version; the patient always sees exactly that text (ADR 0009).
CREATE OR REPLACE FUNCTION plan_versions_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'plan_versions is append-only (% rejected)', TG_OP USING ERRCODE = '42501';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER plan_versions_no_update_delete
  BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION plan_versions_reject_change();
