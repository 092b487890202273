import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Plan } from "@/lib/clinical";
import type { PlanContent, PlanOverride, PlanVersionChange } from "@/lib/validation/plan";
import { assessments } from "./assessments";
import { clinics } from "./clinics";
import { patients } from "./patients";
import { users } from "./users";

// A return-to-training plan made from one final assessment (ADR 0009). The engine's plan is kept
// as it was (the safety limits edits are checked against); each save appends a version; publish
// points the patient at one version, which never changes (append-only trigger on versions).
export const plans = pgTable(
  "plans",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    patientId: uuid("patient_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    verdict: text("verdict").notNull(),
    rulesetVersion: text("ruleset_version").notNull(),
    enginePlan: jsonb("engine_plan").$type<Plan>().notNull(),
    /** The latest saved version; a save must name it (optimistic concurrency, ADR 0004). */
    version: integer("version").notNull().default(1),
    publishedVersion: integer("published_version"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by"),
    // Set when an amendment closed the red-flag gate on a published plan (ADR 0013): the patient's
    // link then shows only "contact the clinic", until the plan is published again.
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnReason: text("withdrawn_reason"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.assessmentId], foreignColumns: [assessments.clinicId, assessments.id] }),
    foreignKey({ columns: [t.clinicId, t.createdBy], foreignColumns: [users.clinicId, users.id] }),
    foreignKey({ columns: [t.clinicId, t.publishedBy], foreignColumns: [users.clinicId, users.id] }),
    // One plan per assessment: "Create plan" twice opens the same plan.
    uniqueIndex("plans_one_per_assessment").on(t.clinicId, t.assessmentId),
    index("plans_patient_idx").on(t.clinicId, t.patientId, t.createdAt),
    // The admin dashboard's "plans published this week".
    index("plans_published_idx").on(t.clinicId, t.publishedAt),
    check("plans_version_positive", sql`${t.version} >= 1`),
    check("plans_published_within", sql`${t.publishedVersion} is null or (${t.publishedVersion} between 1 and ${t.version} and ${t.publishedAt} is not null and ${t.publishedBy} is not null)`),
    check("plans_withdrawn_reason", sql`(${t.withdrawnAt} is null) = (${t.withdrawnReason} is null) and (${t.withdrawnReason} is null or ${t.withdrawnReason} in ('urgent_referral','referral_required'))`),
    check("plans_verdict_has_plan", sql`${t.verdict} in ('push','modify','back_off','refer')`),
  ],
);

export const planVersions = pgTable(
  "plan_versions",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    planId: uuid("plan_id").notNull(),
    version: integer("version").notNull(),
    content: jsonb("content").$type<PlanContent>().notNull(),
    /** Limits crossed in this version and the reason for each (empty when within the engine's). */
    overrides: jsonb("overrides").$type<PlanOverride[]>().notNull().default([]),
    /** What moved the patient when a review's decision published this version (issue 13), in the patient's words. */
    change: jsonb("change").$type<PlanVersionChange>(),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [plans.clinicId, plans.id] }),
    foreignKey({ columns: [t.clinicId, t.createdBy], foreignColumns: [users.clinicId, users.id] }),
    uniqueIndex("plan_versions_seq").on(t.clinicId, t.planId, t.version),
    check("plan_versions_version_positive", sql`${t.version} >= 1`),
  ],
);

// The patient's private link. Lookups go by the SHA-256 of the 128-bit token; the token itself is
// kept only sealed (AES-256-GCM bound to clinic and link, ADR 0021) so the clinic can show the same
// live link again, and is wiped when the link is revoked. Rows issued before that have no
// ciphertext and cannot be shown again. One live link per plan: issuing a new one revokes the old.
export const planLinks = pgTable(
  "plan_links",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    planId: uuid("plan_id").notNull(),
    patientId: uuid("patient_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** base64url(iv ‖ ciphertext ‖ tag) of the token; null once revoked, or issued before ADR 0021. */
    tokenCiphertext: text("token_ciphertext"),
    /** Which server key sealed it (lib/plans/link-token-seal.ts), so rotation knows what it can open. */
    tokenKeyId: text("token_key_id"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by"),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [plans.clinicId, plans.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.createdBy], foreignColumns: [users.clinicId, users.id] }),
    uniqueIndex("plan_links_hash_unique").on(t.tokenHash, t.clinicId),
    uniqueIndex("plan_links_one_live").on(t.clinicId, t.planId).where(sql`${t.revokedAt} is null`),
    check("plan_links_hash_shape", sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check("plan_links_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
    check(
      "plan_links_sealed_shape",
      sql`(${t.tokenCiphertext} is null) = (${t.tokenKeyId} is null) and (${t.tokenKeyId} is null or (${t.tokenKeyId} ~ '^[0-9a-f]{8}$' and ${t.tokenCiphertext} ~ '^[A-Za-z0-9_-]{40,200}$'))`,
    ),
    // A revoked link keeps no way back to its token.
    check("plan_links_revoked_unsealed", sql`${t.revokedAt} is null or ${t.tokenCiphertext} is null`),
  ],
);

// Fixed-window request counters shared by every app server (servers are stateless, ADR 0002).
// Not tenant data: keyed by what is limited (e.g. `patient-link:ip:<address>`).
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [index("rate_limits_window_idx").on(t.windowStart), check("rate_limits_count_positive", sql`${t.count} >= 1`)],
);

export type PlanRow = typeof plans.$inferSelect;
export type PlanVersion = typeof planVersions.$inferSelect;
export type PlanLink = typeof planLinks.$inferSelect;
