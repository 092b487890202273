import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { users } from "./users";

// Enum values match the assessment contract v1 (lib/clinical/contract.ts) so a patient's sport
// feeds the engine without translation.
export const patientSex = pgEnum("patient_sex", ["female", "male", "other", "unspecified"]);
export const sport = pgEnum("sport", ["running", "lifting", "crossfit", "hyrox", "hybrid", "team_sport", "other"]);
export const sportLevel = pgEnum("sport_level", ["recreational", "competitive", "elite"]);
export const patientStatus = pgEnum("patient_status", ["active", "discharged"]);

export const patients = pgTable(
  "patients",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clinicianId: uuid("clinician_id").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    sex: patientSex("sex").notNull(),
    sport: sport("sport").notNull(),
    level: sportLevel("level"),
    email: text("email"),
    phone: text("phone"),
    notes: text("notes"),
    status: patientStatus("status").notNull().default("active"),
    // Caseload summary, derived from the latest final assessment by refreshPatientSummary() in the
    // same transaction as the change (ADR 0008). Denormalised so the admin caseload can sort and
    // filter tens of thousands of patients by index instead of a per-row lookup.
    lastAssessedAt: timestamp("last_assessed_at", { withTimezone: true }),
    lastVerdict: text("last_verdict"),
    currentStage: text("current_stage"),
    openRedFlag: boolean("open_red_flag").notNull().default(false),
    nextReassessmentDue: date("next_reassessment_due", { mode: "string" }),
    // The worklist's check-in columns (issue 13, ADR 0019), refreshed with each review: on every
    // check-in, when a clinician opens the patient, and nightly by housekeeping for the windows
    // that move with the calendar ("last 7 days", "last 30 days" as of `checkInStatsOn`).
    lastCheckInOn: date("last_check_in_on", { mode: "string" }),
    /** The pending review's suggestion (null: nothing waiting), its queue priority and since when. */
    reviewSuggestion: text("review_suggestion"),
    reviewPriority: smallint("review_priority"),
    reviewWaitingSince: timestamp("review_waiting_since", { withTimezone: true }),
    flaresLast7Days: integer("flares_last_7_days").notNull().default(0),
    dataDaysLast30: integer("data_days_last_30").notNull().default(0),
    checkInStatsOn: date("check_in_stats_on", { mode: "string" }),
    // Reminders (issue 19, ADR 0030): the patient agreed to be emailed reminders; who recorded it
    // and when. Set off again by a clinician or by the patient's own stop link (recordedBy null).
    remindersConsent: boolean("reminders_consent").notNull().default(false),
    remindersConsentAt: timestamp("reminders_consent_at", { withTimezone: true }),
    remindersConsentBy: uuid("reminders_consent_by"),
    // Optimistic concurrency: an update must name the version it read (ADR 0004).
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clinicianId], foreignColumns: [users.clinicId, users.id] }),
    index("patients_clinician_idx").on(t.clinicId, t.clinicianId, t.lastName, t.firstName),
    index("patients_name_idx").on(t.clinicId, t.lastName, t.firstName, t.id),
    // Admin caseload: each sort has an index that serves it forwards (ascending, empty last) and
    // one for descending with empty values still last (lib/patients/caseload-sql.ts worklistOrder).
    index("patients_last_assessed_idx").on(t.clinicId, t.lastAssessedAt.asc().nullsLast(), t.id),
    index("patients_last_assessed_desc_idx").on(t.clinicId, t.lastAssessedAt.desc().nullsLast(), t.id.desc()),
    index("patients_due_idx").on(t.clinicId, t.nextReassessmentDue.asc().nullsLast(), t.id),
    index("patients_due_desc_idx").on(t.clinicId, t.nextReassessmentDue.desc().nullsLast(), t.id.desc()),
    index("patients_verdict_idx").on(t.clinicId, sql`array_position(array['push','modify','back_off','refer','urgent_referral']::text[], ${t.lastVerdict}) asc nulls last`, t.id),
    index("patients_verdict_desc_idx").on(t.clinicId, sql`array_position(array['push','modify','back_off','refer','urgent_referral']::text[], ${t.lastVerdict}) desc nulls last`, t.id.desc()),
    // Narrow on purpose: the dashboard's counts read it alone (index-only scan), not the table.
    index("patients_counts_idx").on(t.clinicId, t.status, t.openRedFlag, t.nextReassessmentDue, t.lastAssessedAt),
    index("patients_status_idx").on(t.clinicId, t.status, t.lastName, t.firstName, t.id),
    index("patients_red_flag_idx").on(t.clinicId, t.id).where(sql`${t.openRedFlag}`),
    // The worklist (issue 13): "needs me" first, then the check-in columns, each served by an index.
    index("patients_review_idx").on(t.clinicId, t.reviewPriority.asc().nullsLast(), t.reviewWaitingSince.asc(), t.id),
    index("patients_clinician_review_idx").on(t.clinicId, t.clinicianId, t.reviewPriority.asc().nullsLast(), t.reviewWaitingSince.asc(), t.id),
    index("patients_last_check_in_idx").on(t.clinicId, t.lastCheckInOn.desc().nullsLast(), t.id.desc()),
    index("patients_flares_idx").on(t.clinicId, t.flaresLast7Days.desc(), t.id.desc()),
    index("patients_data_days_idx").on(t.clinicId, t.dataDaysLast30.desc(), t.id.desc()),
    // Housekeeping's nightly refresh of the moving windows reads only patients with recent data.
    index("patients_check_in_stats_idx").on(t.checkInStatsOn).where(sql`${t.dataDaysLast30} > 0 or ${t.flaresLast7Days} > 0`),
    check("patients_review_suggestion_known", sql`${t.reviewSuggestion} is null or ${t.reviewSuggestion} in ('progress','regress','seek_care','urgent_care')`),
    check("patients_first_name_nonblank", sql`length(btrim(${t.firstName})) > 0`),
    check("patients_last_name_nonblank", sql`length(btrim(${t.lastName})) > 0`),
    check("patients_dob_range", sql`${t.dateOfBirth} >= '1900-01-01'`),
    check("patients_reminders_consent_recorded", sql`not ${t.remindersConsent} or (${t.remindersConsentAt} is not null and ${t.remindersConsentBy} is not null)`),
    check("patients_version_positive", sql`${t.version} >= 1`),
    check("patients_last_verdict_known", sql`${t.lastVerdict} is null or ${t.lastVerdict} in ('push','modify','back_off','refer','urgent_referral')`),
  ],
);

export type Patient = typeof patients.$inferSelect;
export type NewPatient = typeof patients.$inferInsert;
