DROP INDEX "patients_name_idx";--> statement-breakpoint
DROP INDEX "patients_verdict_idx";--> statement-breakpoint
CREATE INDEX "users_clinic_name_idx" ON "users" USING btree ("clinic_id","name","id");--> statement-breakpoint
CREATE INDEX "patients_last_assessed_desc_idx" ON "patients" USING btree ("clinic_id","last_assessed_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patients_due_desc_idx" ON "patients" USING btree ("clinic_id","next_reassessment_due" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patients_verdict_desc_idx" ON "patients" USING btree ("clinic_id",array_position(array['push','modify','back_off','refer','urgent_referral']::text[], "last_verdict") desc nulls last,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patients_counts_idx" ON "patients" USING btree ("clinic_id","status","open_red_flag","next_reassessment_due","last_assessed_at");--> statement-breakpoint
CREATE INDEX "patients_name_idx" ON "patients" USING btree ("clinic_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "patients_verdict_idx" ON "patients" USING btree ("clinic_id",array_position(array['push','modify','back_off','refer','urgent_referral']::text[], "last_verdict") asc nulls last,"id");