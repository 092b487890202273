CREATE TABLE "outbox_messages" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"local_day" date NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"message_id" text NOT NULL,
	"sent_at" timestamp with time zone,
	"plan_link_id" uuid,
	"link_token_hash" text,
	"link_expires_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_messages_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "outbox_channel_known" CHECK ("outbox_messages"."channel" in ('email','sms')),
	CONSTRAINT "outbox_kind_known" CHECK ("outbox_messages"."kind" in ('next_morning','silence')),
	CONSTRAINT "outbox_status_known" CHECK ("outbox_messages"."status" in ('queued','sending','sent','failed','cancelled')),
	CONSTRAINT "outbox_attempts_range" CHECK ("outbox_messages"."attempts" >= 0),
	CONSTRAINT "outbox_sending_leased" CHECK ("outbox_messages"."status" <> 'sending' or "outbox_messages"."lease_until" is not null),
	CONSTRAINT "outbox_sent_at" CHECK (("outbox_messages"."status" = 'sent') = ("outbox_messages"."sent_at" is not null)),
	CONSTRAINT "outbox_link_hash_shape" CHECK ("outbox_messages"."link_token_hash" is null or "outbox_messages"."link_token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "outbox_link_complete" CHECK (("outbox_messages"."link_token_hash" is null) = ("outbox_messages"."link_expires_at" is null) and ("outbox_messages"."link_token_hash" is null or "outbox_messages"."plan_link_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "reminders_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "reminders_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "reminders_consent_by" uuid;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_idempotency_unique" ON "outbox_messages" USING btree ("clinic_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_one_reminder_a_day" ON "outbox_messages" USING btree ("clinic_id","patient_id","channel","local_day");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_link_hash_unique" ON "outbox_messages" USING btree ("link_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_message_id_unique" ON "outbox_messages" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_messages" USING btree ("next_attempt_at") WHERE "outbox_messages"."status" in ('queued','sending');--> statement-breakpoint
CREATE INDEX "outbox_clinic_recent_idx" ON "outbox_messages" USING btree ("clinic_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outbox_patient_day_idx" ON "outbox_messages" USING btree ("clinic_id","patient_id","local_day");--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_reminders_consent_recorded" CHECK (not "patients"."reminders_consent" or ("patients"."reminders_consent_at" is not null and "patients"."reminders_consent_by" is not null));