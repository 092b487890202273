import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { patients } from "./patients";
import { users } from "./users";

// A remote therapeutic monitoring episode (issue 19, ADR 0029): consent recorded (who, when, how),
// the day monitoring started and, once ended, the last monitored day. Set-up and education is
// recorded once. A trigger (migration, `-- custom:`) forbids deleting an episode and changing it
// except to record set-up once and to end it once.
export const rtmEpisodes = pgTable(
  "rtm_episodes",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    patientId: uuid("patient_id").notNull(),
    /** The clinician who recorded the patient's consent and started monitoring. */
    startedBy: uuid("started_by").notNull(),
    consentMethod: text("consent_method").notNull(),
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    /** Clinic-local day monitoring starts (contract: episode.startedOn). */
    startedOn: date("started_on", { mode: "string" }).notNull(),
    setupEducationOn: date("setup_education_on", { mode: "string" }),
    setupRecordedBy: uuid("setup_recorded_by"),
    /** Last monitored day (contract: episode.endedOn); null while monitoring. */
    endedOn: date("ended_on", { mode: "string" }),
    endedBy: uuid("ended_by"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.startedBy], foreignColumns: [users.clinicId, users.id] }),
    foreignKey({ columns: [t.clinicId, t.setupRecordedBy], foreignColumns: [users.clinicId, users.id] }),
    foreignKey({ columns: [t.clinicId, t.endedBy], foreignColumns: [users.clinicId, users.id] }),
    // One open episode per patient at a time.
    uniqueIndex("rtm_episodes_one_open").on(t.clinicId, t.patientId).where(sql`${t.endedOn} is null`),
    index("rtm_episodes_patient_idx").on(t.clinicId, t.patientId, t.startedOn),
    check("rtm_episodes_consent_method", sql`${t.consentMethod} in ('verbal','written','electronic')`),
    check("rtm_episodes_end_after_start", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    check("rtm_episodes_end_whole", sql`(${t.endedOn} is null) = (${t.endedBy} is null)`),
    check("rtm_episodes_setup_whole", sql`(${t.setupEducationOn} is null) = (${t.setupRecordedBy} is null)`),
  ],
);

// Minutes a clinician spent on the patient's remote data. Append-only (trigger): a mistake is
// corrected by a new entry that names the one it replaces (`correctsId`), or voids it, as
// assessments are amended. The worksheet reads the latest entry of each chain.
export const rtmTimeEntries = pgTable(
  "rtm_time_entries",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    episodeId: uuid("episode_id").notNull(),
    patientId: uuid("patient_id").notNull(),
    /** Clinic-local day the work was done. */
    entryDate: date("entry_date", { mode: "string" }).notNull(),
    minutes: integer("minutes").notNull(),
    activity: text("activity").notNull(),
    /** A live two-way call or video with the patient. */
    interactive: boolean("interactive").notNull(),
    /** Physical therapist or assistant (contract: timeLog[].by). */
    performedBy: text("performed_by").notNull(),
    loggedBy: uuid("logged_by").notNull(),
    /** The entry this one corrects (replaces); null for an original entry. */
    correctsId: uuid("corrects_id"),
    /** A correction that withdraws the entry it corrects: it counts no minutes. */
    voided: boolean("voided").notNull().default(false),
    /** The check-in review it was logged with, if any. */
    reviewId: uuid("review_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.episodeId], foreignColumns: [rtmEpisodes.clinicId, rtmEpisodes.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.loggedBy], foreignColumns: [users.clinicId, users.id] }),
    foreignKey({ columns: [t.clinicId, t.correctsId], foreignColumns: [t.clinicId, t.id] }),
    // An entry is corrected at most once; a correction can itself be corrected.
    uniqueIndex("rtm_time_entries_one_correction").on(t.clinicId, t.correctsId),
    index("rtm_time_entries_episode_idx").on(t.clinicId, t.episodeId, t.entryDate),
    check("rtm_time_entries_minutes_range", sql`${t.minutes} between 1 and 240`),
    check("rtm_time_entries_activity_length", sql`length(${t.activity}) between 1 and 500`),
    check("rtm_time_entries_performed_by", sql`${t.performedBy} in ('pt','pta')`),
    check("rtm_time_entries_void_is_correction", sql`not ${t.voided} or ${t.correctsId} is not null`),
  ],
);

export type RtmEpisode = typeof rtmEpisodes.$inferSelect;
export type RtmTimeEntry = typeof rtmTimeEntries.$inferSelect;
