CREATE TABLE "exercise_media" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"exercise_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"alt" text NOT NULL,
	"video_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_media_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "exercise_media_hash_shape" CHECK ("exercise_media"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "exercise_media_type" CHECK ("exercise_media"."content_type" in ('image/webp','image/jpeg')),
	CONSTRAINT "exercise_media_dimensions" CHECK ("exercise_media"."width" between 1 and 4000 and "exercise_media"."height" between 1 and 4000),
	CONSTRAINT "exercise_media_size" CHECK (octet_length("exercise_media"."bytes") between 1 and 4194304),
	CONSTRAINT "exercise_media_name_length" CHECK (length("exercise_media"."exercise_name") between 1 and 120),
	CONSTRAINT "exercise_media_alt_length" CHECK (length("exercise_media"."alt") between 1 and 200),
	CONSTRAINT "exercise_media_video_https" CHECK ("exercise_media"."video_url" is null or ("exercise_media"."video_url" ~ '^https://' and length("exercise_media"."video_url") <= 500)),
	CONSTRAINT "exercise_media_version_positive" CHECK ("exercise_media"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "exercise_media" ADD CONSTRAINT "exercise_media_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_media" ADD CONSTRAINT "exercise_media_clinic_id_created_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","created_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_media" ADD CONSTRAINT "exercise_media_clinic_id_updated_by_users_clinic_id_id_fk" FOREIGN KEY ("clinic_id","updated_by") REFERENCES "public"."users"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_media_one_per_exercise" ON "exercise_media" USING btree ("clinic_id","exercise_name");--> statement-breakpoint
CREATE INDEX "exercise_media_by_hash" ON "exercise_media" USING btree ("clinic_id","sha256");