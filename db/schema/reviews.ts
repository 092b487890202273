import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CheckInReview } from "@/lib/clinical";
import { clinics } from "./clinics";
import { patients } from "./patients";
import { plans } from "./plans";
import { users } from "./users";

// The engine's suggestion for a published plan, waiting for a clinician (issue 13, ADR 0019).
// Computed on each check-in and whenever a clinician opens the patient; only actionable
// suggestions (progress, regress, seek care, urgent care) are stored. At most one is pending per
// plan: a newer computation supersedes it. A decision is stored on the row with who, when, the
// reason and the plan version it published; `version` makes two decisions on one row a conflict.
export const checkInReviews = pgTable(
  "check_in_reviews",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    patientId: uuid("patient_id").notNull(),
    planId: uuid("plan_id").notNull(),
    /** The published plan version and the position (plan_positions.seq) the review read. */
    planVersion: integer("plan_version").notNull(),
    positionSeq: integer("position_seq").notNull(),
    suggestion: text("suggestion").notNull(),
    /** Queue order: 0 urgent care, 1 seek care, 2 regress, 3 progress. */
    priority: smallint("priority").notNull(),
    nextStageKey: text("next_stage_key"),
    nextDoseCutPct: integer("next_dose_cut_pct"),
    /** The engine's whole output (reasons with sources, stats, missing answers). */
    review: jsonb("review").$type<CheckInReview>().notNull(),
    rulesetVersion: text("ruleset_version").notNull(),
    /** The check-ins it read, and a digest of them (with their morning answers), the version and the position. */
    checkInIds: jsonb("check_in_ids").$type<string[]>().notNull(),
    fingerprint: text("fingerprint").notNull(),
    /** The clinic-local day the review was computed for (the engine's `today`). */
    reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
    status: text("status").notNull().default("pending"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Dismiss, acknowledge, edit: the clinician's words. Superseded/closed: a fixed code. */
    decisionReason: text("decision_reason"),
    /** The plan version an approval (or an edit) published. */
    publishedVersion: integer("published_version"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [plans.clinicId, plans.id] }),
    foreignKey({ columns: [t.clinicId, t.decidedBy], foreignColumns: [users.clinicId, users.id] }),
    // A newer check-in replaces a pending suggestion; it never stacks a second one.
    uniqueIndex("check_in_reviews_one_pending").on(t.clinicId, t.planId).where(sql`${t.status} = 'pending'`),
    // The queue: pending first by priority, oldest first.
    index("check_in_reviews_queue_idx").on(t.clinicId, t.priority, t.createdAt).where(sql`${t.status} = 'pending'`),
    index("check_in_reviews_plan_idx").on(t.clinicId, t.planId, t.createdAt),
    index("check_in_reviews_patient_idx").on(t.clinicId, t.patientId, t.createdAt),
    check("check_in_reviews_suggestion", sql`${t.suggestion} in ('progress','regress','seek_care','urgent_care')`),
    check("check_in_reviews_priority", sql`${t.priority} between 0 and 3`),
    check("check_in_reviews_status", sql`${t.status} in ('pending','approved','edited','dismissed','acknowledged','superseded','closed')`),
    check("check_in_reviews_decided", sql`(${t.status} in ('pending','superseded','closed')) or (${t.decidedBy} is not null and ${t.decidedAt} is not null)`),
    check("check_in_reviews_reason", sql`${t.status} not in ('dismissed','acknowledged','superseded','closed') or length(btrim(${t.decisionReason})) > 0`),
    check("check_in_reviews_cut_range", sql`${t.nextDoseCutPct} is null or ${t.nextDoseCutPct} between 0 and 50`),
    check("check_in_reviews_version_positive", sql`${t.version} >= 1`),
  ],
);

export type CheckInReviewRow = typeof checkInReviews.$inferSelect;
