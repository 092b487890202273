CREATE TYPE "public"."assessment_kind" AS ENUM('initial', 'reassessment');--> statement-breakpoint
CREATE TYPE "public"."assessment_status" AS ENUM('draft', 'final');--> statement-breakpoint
CREATE TABLE "assessment_amendments" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"reason" text NOT NULL,
	"step" integer NOT NULL,
	"draft" jsonb NOT NULL,
	"input" jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"ruleset_version" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_amendments_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "assessment_amendments_reason_nonblank" CHECK (length(btrim("assessment_amendments"."reason")) >= 5),
	CONSTRAINT "assessment_amendments_seq_positive" CHECK ("assessment_amendments"."seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" "assessment_kind" NOT NULL,
	"status" "assessment_status" DEFAULT 'draft' NOT NULL,
	"draft" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"current_step" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"referral_to" text,
	"referral_date" date,
	"override_reason" text,
	"input" jsonb,
	"evaluation" jsonb,
	"ruleset_version" text,
	"finalized_at" timestamp with time zone,
	"finalized_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "assessments_version_positive" CHECK ("assessments"."version" >= 1),
	CONSTRAINT "assessments_step_range" CHECK ("assessments"."current_step" between 1 and 7),
	CONSTRAINT "assessments_final_has_snapshot" CHECK ("assessments"."status" = 'draft' or ("assessments"."input" is not null and "assessments"."evaluation" is not null and "assessments"."ruleset_version" is not null and "assessments"."finalized_at" is not null and "assessments"."finalized_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "assessment_amendments" ADD CONSTRAINT "assessment_amendments_clinic_id_assessment_id_assessments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","assessment_id") REFERENCES "public"."assessments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_amendments" ADD CONSTRAINT "assessment_amendments_clinic_id_created_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_clinic_id_created_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_clinic_id_finalized_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","finalized_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_amendments_seq" ON "assessment_amendments" USING btree ("clinic_id","assessment_id","seq");--> statement-breakpoint
CREATE INDEX "assessments_patient_idx" ON "assessments" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_draft_per_patient" ON "assessments" USING btree ("clinic_id","patient_id") WHERE "assessments"."status" = 'draft';