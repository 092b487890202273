import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Per-clinic preferences; every key optional so old rows stay valid as settings grow. */
export type ClinicSettings = {
  units?: "km" | "mi";
  /** IANA time zone the clinic's "today" is read in (check-in dates); default Europe/London (lib/time/clock.ts). */
  timeZone?: string;
  paperSize?: "A4" | "LETTER";
  idleTimeoutMinutes?: number;
  /** How patients reach the clinic, printed on their link and PDF; absent when not set. */
  contactPhone?: string;
  contactEmail?: string;
  /** Engine thresholds the clinic has changed (lib/clinical engineSettingsSchema); the rest default. */
  engine?: Record<string, unknown>;
  /**
   * RTM data days: whether a check-in a clinician typed from the patient's paper log counts as the
   * patient's data on the day it describes. Default off (ADR 0029): payers may expect device data.
   */
  rtmCountPaperLogs?: boolean;
  /** Reminder emails (issue 19, ADR 0030); absent: off. lib/reminders/settings.ts fills the defaults. */
  reminders?: {
    enabled?: boolean;
    silenceDays?: number;
    quietStart?: string;
    quietEnd?: string;
    senderName?: string;
    senderEmail?: string;
  };
  /** Bumped on every save; the settings form posts the version it showed (ADR 0004). */
  version?: number;
};

// The tenant itself. On Citus this is a reference table (ADR 0002); every other table is
// distributed by clinic_id.
export const clinics = pgTable("clinics", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  settings: jsonb("settings").$type<ClinicSettings>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Clinic = typeof clinics.$inferSelect;
