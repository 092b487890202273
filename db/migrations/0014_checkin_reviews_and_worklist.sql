CREATE TABLE "check_in_reviews" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan_version" integer NOT NULL,
	"position_seq" integer NOT NULL,
	"suggestion" text NOT NULL,
	"priority" smallint NOT NULL,
	"next_stage_key" text,
	"next_dose_cut_pct" integer,
	"review" jsonb NOT NULL,
	"ruleset_version" text NOT NULL,
	"check_in_ids" jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"published_version" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_reviews_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "check_in_reviews_suggestion" CHECK ("check_in_reviews"."suggestion" in ('progress','regress','seek_care','urgent_care')),
	CONSTRAINT "check_in_reviews_priority" CHECK ("check_in_reviews"."priority" between 0 and 3),
	CONSTRAINT "check_in_reviews_status" CHECK ("check_in_reviews"."status" in ('pending','approved','edited','dismissed','acknowledged','superseded','closed')),
	CONSTRAINT "check_in_reviews_decided" CHECK (("check_in_reviews"."status" in ('pending','superseded','closed')) or ("check_in_reviews"."decided_by" is not null and "check_in_reviews"."decided_at" is not null)),
	CONSTRAINT "check_in_reviews_reason" CHECK ("check_in_reviews"."status" not in ('dismissed','acknowledged','superseded','closed') or length(btrim("check_in_reviews"."decision_reason")) > 0),
	CONSTRAINT "check_in_reviews_cut_range" CHECK ("check_in_reviews"."next_dose_cut_pct" is null or "check_in_reviews"."next_dose_cut_pct" between 0 and 50),
	CONSTRAINT "check_in_reviews_version_positive" CHECK ("check_in_reviews"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "last_check_in_on" date;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "review_suggestion" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "review_priority" smallint;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "review_waiting_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "flares_last_7_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "data_days_last_30" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "check_in_stats_on" date;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "change" jsonb;--> statement-breakpoint
ALTER TABLE "check_in_reviews" ADD CONSTRAINT "check_in_reviews_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_reviews" ADD CONSTRAINT "check_in_reviews_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_reviews" ADD CONSTRAINT "check_in_reviews_clinic_id_plan_id_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_reviews" ADD CONSTRAINT "check_in_reviews_clinic_id_decided_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","decided_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_reviews_one_pending" ON "check_in_reviews" USING btree ("clinic_id","plan_id") WHERE "check_in_reviews"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "check_in_reviews_queue_idx" ON "check_in_reviews" USING btree ("clinic_id","priority","created_at") WHERE "check_in_reviews"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "check_in_reviews_plan_idx" ON "check_in_reviews" USING btree ("clinic_id","plan_id","created_at");--> statement-breakpoint
CREATE INDEX "check_in_reviews_patient_idx" ON "check_in_reviews" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint
CREATE INDEX "patients_review_idx" ON "patients" USING btree ("clinic_id","review_priority","review_waiting_since","id");--> statement-breakpoint
CREATE INDEX "patients_clinician_review_idx" ON "patients" USING btree ("clinic_id","clinician_id","review_priority","review_waiting_since","id");--> statement-breakpoint
CREATE INDEX "patients_last_check_in_idx" ON "patients" USING btree ("clinic_id","last_check_in_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patients_flares_idx" ON "patients" USING btree ("clinic_id","flares_last_7_days" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patients_data_days_idx" ON "patients" USING btree ("clinic_id","data_days_last_30" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patients_check_in_stats_idx" ON "patients" USING btree ("check_in_stats_on") WHERE "patients"."data_days_last_30" > 0 or "patients"."flares_last_7_days" > 0;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_review_suggestion_known" CHECK ("patients"."review_suggestion" is null or "patients"."review_suggestion" in ('progress','regress','seek_care','urgent_care'));