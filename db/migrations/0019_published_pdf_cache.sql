CREATE TABLE "pdf_renders" (
	"clinic_id" uuid NOT NULL,
	"render_key" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"etag" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"renderer_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pdf_renders_clinic_id_render_key_pk" PRIMARY KEY("clinic_id","render_key"),
	CONSTRAINT "pdf_renders_size" CHECK ("pdf_renders"."byte_size" = octet_length("pdf_renders"."bytes"))
);
--> statement-breakpoint
ALTER TABLE "pdf_renders" ADD CONSTRAINT "pdf_renders_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdf_renders" ADD CONSTRAINT "pdf_renders_clinic_id_plan_id_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."plans"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pdf_renders_plan_idx" ON "pdf_renders" USING btree ("clinic_id","plan_id","created_at");