import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Evaluation } from "@/lib/clinical";
import { clinics } from "./clinics";
import { patients } from "./patients";
import { users } from "./users";

export const assessmentStatus = pgEnum("assessment_status", ["draft", "final"]);
export const assessmentKind = pgEnum("assessment_kind", ["initial", "reassessment"]);

/** What the clinician typed, per step, exactly as the form posted it (strings). ADR 0006. */
export type AssessmentDraft = Partial<Record<string, Record<string, string>>>;

/** The frozen input: contract v1 plus the extra, optional outcome measures (PSFS, LEFS). */
export type SnapshotInput = Record<string, unknown> & { contractVersion: 1 };

// One row per assessment. A draft changes step by step under a version check (optimistic
// concurrency, ADR 0004/0006); once final, a trigger freezes the row and corrections are
// appended as amendments beside it.
export const assessments = pgTable(
  "assessments",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    patientId: uuid("patient_id").notNull(),
    kind: assessmentKind("kind").notNull(),
    status: assessmentStatus("status").notNull().default("draft"),
    draft: jsonb("draft").$type<AssessmentDraft>().notNull().default({}),
    currentStep: integer("current_step").notNull().default(1),
    version: integer("version").notNull().default(1),
    // The red-flag gate: a refer-tier answer needs a referral (to whom, when) or an override.
    referralTo: text("referral_to"),
    referralDate: date("referral_date", { mode: "string" }),
    overrideReason: text("override_reason"),
    // The snapshot, written once at finalize.
    input: jsonb("input").$type<SnapshotInput>(),
    evaluation: jsonb("evaluation").$type<Evaluation>(),
    rulesetVersion: text("ruleset_version"),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    finalizedBy: uuid("finalized_by"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.createdBy], foreignColumns: [users.clinicId, users.id] }),
    foreignKey({ columns: [t.clinicId, t.finalizedBy], foreignColumns: [users.clinicId, users.id] }),
    index("assessments_patient_idx").on(t.clinicId, t.patientId, t.createdAt),
    // One open draft per patient: "New assessment" resumes it, and a double submit cannot fork it.
    uniqueIndex("assessments_one_draft_per_patient").on(t.clinicId, t.patientId).where(sql`${t.status} = 'draft'`),
    check("assessments_version_positive", sql`${t.version} >= 1`),
    check("assessments_step_range", sql`${t.currentStep} between 1 and 7`),
    check(
      "assessments_final_has_snapshot",
      sql`${t.status} = 'draft' or (${t.input} is not null and ${t.evaluation} is not null and ${t.rulesetVersion} is not null and ${t.finalizedAt} is not null and ${t.finalizedBy} is not null)`,
    ),
  ],
);

// A correction of a final assessment: the full corrected input and its evaluation, with the
// reason, kept beside the original (which never changes). Append-only (trigger).
export const assessmentAmendments = pgTable(
  "assessment_amendments",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    assessmentId: uuid("assessment_id").notNull(),
    /** 1, 2, …: unique per assessment, so two people amending from the same state conflict. */
    seq: integer("seq").notNull(),
    reason: text("reason").notNull(),
    step: integer("step").notNull(),
    draft: jsonb("draft").$type<AssessmentDraft>().notNull(),
    input: jsonb("input").$type<SnapshotInput>().notNull(),
    evaluation: jsonb("evaluation").$type<Evaluation>().notNull(),
    rulesetVersion: text("ruleset_version").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.assessmentId], foreignColumns: [assessments.clinicId, assessments.id] }),
    foreignKey({ columns: [t.clinicId, t.createdBy], foreignColumns: [users.clinicId, users.id] }),
    uniqueIndex("assessment_amendments_seq").on(t.clinicId, t.assessmentId, t.seq),
    check("assessment_amendments_reason_nonblank", sql`length(btrim(${t.reason})) >= 5`),
    check("assessment_amendments_seq_positive", sql`${t.seq} >= 1`),
  ],
);

export type Assessment = typeof assessments.$inferSelect;
export type AssessmentAmendment = typeof assessmentAmendments.$inferSelect;

// How a refer-tier verdict reached by an amendment was handled (the final row itself cannot
// change): a referral (to whom, when) or an override with a reason. Append-only (trigger); the
// latest row counts. ADR 0013.
export const assessmentReferrals = pgTable(
  "assessment_referrals",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    assessmentId: uuid("assessment_id").notNull(),
    /** The amendment whose verdict this answers (0 = the original). */
    amendmentSeq: integer("amendment_seq").notNull(),
    referralTo: text("referral_to"),
    referralDate: date("referral_date", { mode: "string" }),
    overrideReason: text("override_reason"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.assessmentId], foreignColumns: [assessments.clinicId, assessments.id] }),
    foreignKey({ columns: [t.clinicId, t.createdBy], foreignColumns: [users.clinicId, users.id] }),
    index("assessment_referrals_assessment_idx").on(t.clinicId, t.assessmentId, t.createdAt),
    check(
      "assessment_referrals_one_kind",
      sql`(${t.referralTo} is not null and ${t.referralDate} is not null and ${t.overrideReason} is null) or (${t.referralTo} is null and ${t.referralDate} is null and length(btrim(${t.overrideReason})) >= 10)`,
    ),
    check("assessment_referrals_seq_nonnegative", sql`${t.amendmentSeq} >= 0`),
  ],
);
export type AssessmentReferral = typeof assessmentReferrals.$inferSelect;
