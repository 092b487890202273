CREATE TABLE "plan_links" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "plan_links_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "plan_links_hash_shape" CHECK ("plan_links"."token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "plan_links_expiry_after_creation" CHECK ("plan_links"."expires_at" > "plan_links"."created_at")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_versions_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "plan_versions_version_positive" CHECK ("plan_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"ruleset_version" text NOT NULL,
	"engine_plan" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_version" integer,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "plans_version_positive" CHECK ("plans"."version" >= 1),
	CONSTRAINT "plans_published_within" CHECK ("plans"."published_version" is null or ("plans"."published_version" between 1 and "plans"."version" and "plans"."published_at" is not null and "plans"."published_by" is not null)),
	CONSTRAINT "plans_verdict_has_plan" CHECK ("plans"."verdict" in ('push','modify','back_off','refer'))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limits_count_positive" CHECK ("rate_limits"."count" >= 1)
);
--> statement-breakpoint
ALTER TABLE "plan_links" ADD CONSTRAINT "plan_links_clinic_id_plan_id_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_links" ADD CONSTRAINT "plan_links_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_links" ADD CONSTRAINT "plan_links_clinic_id_created_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_clinic_id_plan_id_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_clinic_id_created_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_clinic_id_assessment_id_assessments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","assessment_id") REFERENCES "public"."assessments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_clinic_id_created_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_clinic_id_published_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","published_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_links_hash_unique" ON "plan_links" USING btree ("token_hash","clinic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_links_one_live" ON "plan_links" USING btree ("clinic_id","plan_id") WHERE "plan_links"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_seq" ON "plan_versions" USING btree ("clinic_id","plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_per_assessment" ON "plans" USING btree ("clinic_id","assessment_id");--> statement-breakpoint
CREATE INDEX "plans_patient_idx" ON "plans" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_start");