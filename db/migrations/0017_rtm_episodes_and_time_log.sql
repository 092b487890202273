CREATE TABLE "rtm_episodes" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"started_by" uuid NOT NULL,
	"consent_method" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"started_on" date NOT NULL,
	"setup_education_on" date,
	"setup_recorded_by" uuid,
	"ended_on" date,
	"ended_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rtm_episodes_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "rtm_episodes_consent_method" CHECK ("rtm_episodes"."consent_method" in ('verbal','written','electronic')),
	CONSTRAINT "rtm_episodes_end_after_start" CHECK ("rtm_episodes"."ended_on" is null or "rtm_episodes"."ended_on" >= "rtm_episodes"."started_on"),
	CONSTRAINT "rtm_episodes_end_whole" CHECK (("rtm_episodes"."ended_on" is null) = ("rtm_episodes"."ended_by" is null)),
	CONSTRAINT "rtm_episodes_setup_whole" CHECK (("rtm_episodes"."setup_education_on" is null) = ("rtm_episodes"."setup_recorded_by" is null))
);
--> statement-breakpoint
CREATE TABLE "rtm_time_entries" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"minutes" integer NOT NULL,
	"activity" text NOT NULL,
	"interactive" boolean NOT NULL,
	"performed_by" text NOT NULL,
	"logged_by" uuid NOT NULL,
	"corrects_id" uuid,
	"voided" boolean DEFAULT false NOT NULL,
	"review_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rtm_time_entries_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "rtm_time_entries_minutes_range" CHECK ("rtm_time_entries"."minutes" between 1 and 240),
	CONSTRAINT "rtm_time_entries_activity_length" CHECK (length("rtm_time_entries"."activity") between 1 and 500),
	CONSTRAINT "rtm_time_entries_performed_by" CHECK ("rtm_time_entries"."performed_by" in ('pt','pta')),
	CONSTRAINT "rtm_time_entries_void_is_correction" CHECK (not "rtm_time_entries"."voided" or "rtm_time_entries"."corrects_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "rtm_episodes" ADD CONSTRAINT "rtm_episodes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtm_episodes" ADD CONSTRAINT "rtm_episodes_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtm_episodes" ADD CONSTRAINT "rtm_episodes_clinic_id_started_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","started_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtm_episodes" ADD CONSTRAINT "rtm_episodes_clinic_id_setup_recorded_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","setup_recorded_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtm_episodes" ADD CONSTRAINT "rtm_episodes_clinic_id_ended_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","ended_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtm_time_entries" ADD CONSTRAINT "rtm_time_entries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtm_time_entries" ADD CONSTRAINT "rtm_time_entries_clinic_id_episode_id_rtm_episodes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","episode_id") REFERENCES "public"."rtm_episodes"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtm_time_entries" ADD CONSTRAINT "rtm_time_entries_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtm_time_entries" ADD CONSTRAINT "rtm_time_entries_clinic_id_logged_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","logged_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtm_time_entries" ADD CONSTRAINT "rtm_time_entries_clinic_id_corrects_id_rtm_time_entries_clinic_id_id_fk" FOREIGN KEY ("clinic_id","corrects_id") REFERENCES "public"."rtm_time_entries"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rtm_episodes_one_open" ON "rtm_episodes" USING btree ("clinic_id","patient_id") WHERE "rtm_episodes"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "rtm_episodes_patient_idx" ON "rtm_episodes" USING btree ("clinic_id","patient_id","started_on");--> statement-breakpoint
CREATE UNIQUE INDEX "rtm_time_entries_one_correction" ON "rtm_time_entries" USING btree ("clinic_id","corrects_id");--> statement-breakpoint
CREATE INDEX "rtm_time_entries_episode_idx" ON "rtm_time_entries" USING btree ("clinic_id","episode_id","entry_date");--> statement-breakpoint
-- custom: RTM records are evidence. An episode is never deleted; the only changes are recording
-- set-up and education once and ending it once (plus the version bump). Time entries are
-- append-only: a correction is a new row (ADR 0029).
CREATE OR REPLACE FUNCTION rtm_episodes_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'rtm_episodes rows are never deleted' USING ERRCODE = '42501';
  END IF;
  IF NEW.clinic_id IS DISTINCT FROM OLD.clinic_id OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.patient_id IS DISTINCT FROM OLD.patient_id OR NEW.started_by IS DISTINCT FROM OLD.started_by
     OR NEW.consent_method IS DISTINCT FROM OLD.consent_method OR NEW.consent_at IS DISTINCT FROM OLD.consent_at
     OR NEW.started_on IS DISTINCT FROM OLD.started_on OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR (OLD.setup_education_on IS NOT NULL AND (NEW.setup_education_on IS DISTINCT FROM OLD.setup_education_on OR NEW.setup_recorded_by IS DISTINCT FROM OLD.setup_recorded_by))
     OR (OLD.ended_on IS NOT NULL AND (NEW.ended_on IS DISTINCT FROM OLD.ended_on OR NEW.ended_by IS DISTINCT FROM OLD.ended_by)) THEN
    RAISE EXCEPTION 'rtm_episodes: only set-up (once) and the end (once) may be recorded' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER rtm_episodes_guard
  BEFORE UPDATE OR DELETE ON rtm_episodes
  FOR EACH ROW EXECUTE FUNCTION rtm_episodes_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rtm_time_entries_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'rtm_time_entries is append-only (% rejected)', TG_OP USING ERRCODE = '42501';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER rtm_time_entries_no_update_delete
  BEFORE UPDATE OR DELETE ON rtm_time_entries
  FOR EACH ROW EXECUTE FUNCTION rtm_time_entries_reject_change();
