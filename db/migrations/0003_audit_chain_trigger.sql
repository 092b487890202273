-- Tamper evidence for the audit trail (ADR 0005). Each clinic's events form a chain: chain_seq
-- counts 1, 2, 3…, and hash = sha256(prev_hash | the row's content). scripts/audit-verify.ts
-- recomputes every hash with audit_event_digest() and follows the chain.
CREATE OR REPLACE FUNCTION audit_event_digest(prev text, e audit_events) RETURNS text AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    prev, e.clinic_id::text, e.chain_seq::text, e.id::text,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(e.actor_user_id::text, ''), e.action, e.entity_type, coalesce(e.entity_id, ''),
    coalesce(e.patient_id::text, ''), coalesce(e.ip, ''), coalesce(e.user_agent, ''), e.detail::text
  ), 'UTF8')), 'hex');
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One writer at a time per clinic, so two concurrent events cannot claim the same link.
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.clinic_id::text, 0));
  SELECT chain_seq, hash INTO last_seq, last_hash
    FROM audit_events WHERE clinic_id = NEW.clinic_id AND chain_seq IS NOT NULL
    ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, 'genesis');
  NEW.hash := audit_event_digest(NEW.prev_hash, NEW);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Chain any events written before this migration, in the order they were written.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
--> statement-breakpoint
DO $$
DECLARE
  r audit_events;
  prev text;
  seq bigint;
  cur_clinic uuid := NULL;
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY clinic_id, id LOOP
    IF cur_clinic IS DISTINCT FROM r.clinic_id THEN
      cur_clinic := r.clinic_id; prev := 'genesis'; seq := 0;
    END IF;
    seq := seq + 1;
    r.chain_seq := seq;
    r.prev_hash := prev;
    r.hash := audit_event_digest(prev, r);
    UPDATE audit_events SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash
      WHERE clinic_id = r.clinic_id AND id = r.id;
    prev := r.hash;
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain_before_insert
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
