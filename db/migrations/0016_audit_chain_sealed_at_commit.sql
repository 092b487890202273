-- The audit chain's links are made at commit, not at insert (ADR 0005, amended in issue 15).
--
-- Until now a BEFORE INSERT trigger took the clinic's chain lock at a transaction's first audit
-- event and held it to commit. Transactions lock rows in different orders around their audit
-- events (finalize: the assessment, an event, then the patient's summary row; a patient edit: the
-- patient row, then an event), so two ordinary writes to one patient could each hold what the
-- other waited for: PostgreSQL broke the deadlock by failing one of them.
--
-- Now an inserted event carries a placeholder (chain_seq = -id, unique, visible to no other
-- transaction), and a deferred constraint trigger seals it as the transaction commits: under the
-- same per-clinic advisory lock it takes the next chain_seq and hash = sha256(prev_hash | content).
-- By then the transaction holds every row lock it will ever take, so a wait for the chain lock
-- is always a wait for a transaction that is finishing: no cycle. The chain's order is commit order.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger AS $$
BEGIN
  NEW.chain_seq := -NEW.id;
  NEW.prev_hash := '';
  NEW.hash := '';
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_seal() RETURNS trigger AS $$
DECLARE
  r audit_events;
  last_seq bigint;
  last_hash text;
BEGIN
  -- One sealer at a time per clinic; the lock is released when this transaction ends.
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.clinic_id::text, 0));
  SELECT chain_seq, hash INTO last_seq, last_hash
    FROM audit_events WHERE clinic_id = NEW.clinic_id AND chain_seq > 0
    ORDER BY chain_seq DESC LIMIT 1;
  r := NEW;
  r.chain_seq := coalesce(last_seq, 0) + 1;
  r.prev_hash := coalesce(last_hash, 'genesis');
  r.hash := audit_event_digest(r.prev_hash, r);
  UPDATE audit_events SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash
    WHERE clinic_id = NEW.clinic_id AND id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_events_seal_at_commit
  AFTER INSERT ON audit_events
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_events_seal();
--> statement-breakpoint
-- Still append-only. The one update let through is the seal itself: a row not yet sealed (only
-- its own transaction can see it) gets its chain columns and nothing else.
CREATE OR REPLACE FUNCTION audit_events_reject_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.chain_seq < 0 AND NEW.chain_seq > 0
     AND (NEW.clinic_id, NEW.id, NEW.at, NEW.actor_user_id, NEW.action, NEW.entity_type, NEW.entity_id,
          NEW.patient_id, NEW.ip, NEW.user_agent, NEW.detail)
         IS NOT DISTINCT FROM
         (OLD.clinic_id, OLD.id, OLD.at, OLD.actor_user_id, OLD.action, OLD.entity_type, OLD.entity_id,
          OLD.patient_id, OLD.ip, OLD.user_agent, OLD.detail) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% rejected)', TG_OP USING ERRCODE = '42501';
END;
$$ LANGUAGE plpgsql;
