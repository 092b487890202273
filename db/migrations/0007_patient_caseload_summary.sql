ALTER TABLE "patients" ADD COLUMN "last_assessed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "last_verdict" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "current_stage" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "open_red_flag" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "next_reassessment_due" date;--> statement-breakpoint
CREATE INDEX "patients_last_assessed_idx" ON "patients" USING btree ("clinic_id","last_assessed_at","id");--> statement-breakpoint
CREATE INDEX "patients_due_idx" ON "patients" USING btree ("clinic_id","next_reassessment_due","id");--> statement-breakpoint
CREATE INDEX "patients_verdict_idx" ON "patients" USING btree ("clinic_id","last_verdict","id");--> statement-breakpoint
CREATE INDEX "patients_status_idx" ON "patients" USING btree ("clinic_id","status","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "patients_red_flag_idx" ON "patients" USING btree ("clinic_id","id") WHERE "patients"."open_red_flag";--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_last_verdict_known" CHECK ("patients"."last_verdict" is null or "patients"."last_verdict" in ('push','modify','back_off','refer','urgent_referral'));