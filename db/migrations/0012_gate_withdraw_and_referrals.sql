CREATE TABLE "assessment_referrals" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"amendment_seq" integer NOT NULL,
	"referral_to" text,
	"referral_date" date,
	"override_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_referrals_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "assessment_referrals_one_kind" CHECK (("assessment_referrals"."referral_to" is not null and "assessment_referrals"."referral_date" is not null and "assessment_referrals"."override_reason" is null) or ("assessment_referrals"."referral_to" is null and "assessment_referrals"."referral_date" is null and length(btrim("assessment_referrals"."override_reason")) >= 10)),
	CONSTRAINT "assessment_referrals_seq_nonnegative" CHECK ("assessment_referrals"."amendment_seq" >= 0)
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "assessment_referrals" ADD CONSTRAINT "assessment_referrals_clinic_id_assessment_id_assessments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","assessment_id") REFERENCES "public"."assessments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_referrals" ADD CONSTRAINT "assessment_referrals_clinic_id_created_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_referrals_assessment_idx" ON "assessment_referrals" USING btree ("clinic_id","assessment_id","created_at");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_withdrawn_reason" CHECK (("plans"."withdrawn_at" is null) = ("plans"."withdrawn_reason" is null) and ("plans"."withdrawn_reason" is null or "plans"."withdrawn_reason" in ('urgent_referral','referral_required')));--> statement-breakpoint
-- A referral recorded after finalize is part of the record: never changed or deleted (ADR 0013).
CREATE OR REPLACE FUNCTION assessment_referrals_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'assessment_referrals is append-only (% rejected)', TG_OP USING ERRCODE = '42501';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessment_referrals_no_update_delete
  BEFORE UPDATE OR DELETE ON assessment_referrals
  FOR EACH ROW EXECUTE FUNCTION assessment_referrals_reject_change();
