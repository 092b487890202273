CREATE TABLE "check_ins" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"link_id" uuid,
	"entered_by" uuid,
	"idempotency_key" text NOT NULL,
	"session_date" date NOT NULL,
	"activity" text NOT NULL,
	"done" text NOT NULL,
	"minutes" integer,
	"distance_km" real,
	"effort_rpe" integer,
	"pain_during_nrs" integer,
	"sharp_pain" boolean,
	"altered_movement" boolean,
	"tingling_or_numbness_down_leg" boolean,
	"saddle_numbness" boolean,
	"bladder_or_bowel_change" boolean,
	"both_legs" boolean,
	"calf_swelling_redness_heat" boolean,
	"chest_pain_or_breathlessness" boolean,
	"fever_or_unwell" boolean,
	"note" text,
	"morning_pain_nrs" integer,
	"morning_compared_with_before" text,
	"morning_stiffness_over_30_min" boolean,
	"morning_idempotency_key" text,
	"morning_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "check_ins_key_shape" CHECK (length("check_ins"."idempotency_key") between 8 and 64),
	CONSTRAINT "check_ins_activity" CHECK ("check_ins"."activity" in ('run','strength','cross_training','sport','other')),
	CONSTRAINT "check_ins_done" CHECK ("check_ins"."done" in ('as_planned','shortened','skipped')),
	CONSTRAINT "check_ins_minutes_range" CHECK ("check_ins"."minutes" is null or "check_ins"."minutes" between 0 and 600),
	CONSTRAINT "check_ins_distance_range" CHECK ("check_ins"."distance_km" is null or "check_ins"."distance_km" between 0 and 300),
	CONSTRAINT "check_ins_effort_range" CHECK ("check_ins"."effort_rpe" is null or "check_ins"."effort_rpe" between 0 and 10),
	CONSTRAINT "check_ins_pain_range" CHECK ("check_ins"."pain_during_nrs" is null or "check_ins"."pain_during_nrs" between 0 and 10),
	CONSTRAINT "check_ins_morning_pain_range" CHECK ("check_ins"."morning_pain_nrs" is null or "check_ins"."morning_pain_nrs" between 0 and 10),
	CONSTRAINT "check_ins_morning_compared" CHECK ("check_ins"."morning_compared_with_before" is null or "check_ins"."morning_compared_with_before" in ('better','same','worse')),
	CONSTRAINT "check_ins_morning_whole" CHECK (("check_ins"."morning_compared_with_before" is null) = ("check_ins"."morning_at" is null)),
	CONSTRAINT "check_ins_note_length" CHECK ("check_ins"."note" is null or length("check_ins"."note") <= 500),
	CONSTRAINT "check_ins_entered_by_one" CHECK ("check_ins"."link_id" is not null or "check_ins"."entered_by" is not null)
);
--> statement-breakpoint
CREATE TABLE "plan_positions" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"stage_key" text NOT NULL,
	"started_on" date NOT NULL,
	"dose_cut_pct" integer DEFAULT 0 NOT NULL,
	"last_lighter_week_on" date,
	"baseline_pain_nrs" integer,
	"source" text NOT NULL,
	"set_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_positions_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "plan_positions_seq_positive" CHECK ("plan_positions"."seq" >= 1),
	CONSTRAINT "plan_positions_cut_range" CHECK ("plan_positions"."dose_cut_pct" between 0 and 50),
	CONSTRAINT "plan_positions_baseline_range" CHECK ("plan_positions"."baseline_pain_nrs" is null or "plan_positions"."baseline_pain_nrs" between 0 and 10),
	CONSTRAINT "plan_positions_source" CHECK ("plan_positions"."source" in ('publish','review','edit')),
	CONSTRAINT "plan_positions_stage_key_nonblank" CHECK (length("plan_positions"."stage_key") between 1 and 40)
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_clinic_id_plan_id_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_clinic_id_link_id_plan_links_clinic_id_id_fk" FOREIGN KEY ("clinic_id","link_id") REFERENCES "public"."plan_links"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_clinic_id_entered_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","entered_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_positions" ADD CONSTRAINT "plan_positions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_positions" ADD CONSTRAINT "plan_positions_clinic_id_plan_id_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_positions" ADD CONSTRAINT "plan_positions_clinic_id_set_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","set_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_idempotency" ON "check_ins" USING btree ("clinic_id","plan_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_morning_idempotency" ON "check_ins" USING btree ("clinic_id","plan_id","morning_idempotency_key");--> statement-breakpoint
CREATE INDEX "check_ins_plan_date_idx" ON "check_ins" USING btree ("clinic_id","plan_id","session_date");--> statement-breakpoint
CREATE INDEX "check_ins_patient_date_idx" ON "check_ins" USING btree ("clinic_id","patient_id","session_date");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_positions_seq" ON "plan_positions" USING btree ("clinic_id","plan_id","seq");--> statement-breakpoint
-- A position is a record of where the patient was and who moved them: never changed or deleted;
-- a move appends the next seq (issue 12).
CREATE OR REPLACE FUNCTION plan_positions_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'plan_positions is append-only (% rejected)', TG_OP USING ERRCODE = '42501';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER plan_positions_no_update_delete
  BEFORE UPDATE OR DELETE ON plan_positions
  FOR EACH ROW EXECUTE FUNCTION plan_positions_reject_change();
