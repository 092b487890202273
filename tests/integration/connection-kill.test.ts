import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/db/unavailable";
import { assessments, auditEvents, checkInReviews, checkIns, patients, planLinks, planPositions, plans, planVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { auditChainLock, holdLock, onPostgres, openPgSession, terminateBackend, uniqueTag, waitForLockWaiters, type PgSession } from "../support/pg-sessions";
import { form } from "../support/actions";
import { openTestDb } from "../support/test-db";
import type postgres from "postgres";

// The connection dies in the middle of a multi-row write (issue 15): an operator's
// pg_terminate_backend, a failover, a cut network. The service is paused inside its transaction
// after it has written some of its rows (a third connection holds a lock it needs next), its
// backend is terminated from outside, and then every table it touched is checked: nothing of it
// is stored, the caller gets a "database unavailable" error (a form error that keeps what was
// typed), and the same client writes the whole record once it retries. PostgreSQL only: PGlite
// has no second connection to kill from.

let handle: Awaited<ReturnType<typeof openTestDb>>;
const current: { actor: Actor | null; db: Db | null } = { actor: null, db: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => current.db ?? handle.db }));

const { finalizeAction } = await import("@/app/(clinic)/patients/[patientId]/assessments/[assessmentId]/actions");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { recordCheckIn } = await import("@/lib/checkins/record-check-in");
const { recordNextMorning } = await import("@/lib/checkins/record-next-morning");
const { decideReview } = await import("@/lib/reviews/decide-review");
const { refreshPatientReviews } = await import("@/lib/reviews/refresh-review");
const { verifyAuditChain } = await import("@/lib/audit/verify-chain");
const { sessionFormSchema, morningFormSchema } = await import("@/lib/validation/checkin");
const { at, draftReadyToFinalize, linkMeta, logSession, pendingProgressReview, publishedPlan, PUBLISHED_ON, unpublishedPlan } = await import("./fault-fixtures");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  current.actor = null;
  current.db = null;
});

type Lock = (sql: postgres.ReservedSql) => Promise<unknown>;

/**
 * Runs `write` on its own client while `lock` is held; once the write waits on that lock, kills
 * its backend, then lets the lock go. Returns how the write ended and the client (still usable:
 * postgres.js opens a new connection for the retry).
 */
async function killMidWrite<T>(lock: Lock, write: (db: Db) => Promise<T>): Promise<{ outcome: PromiseSettledResult<T>; session: PgSession }> {
  const session = openPgSession(uniqueTag("kill"), 1);
  const holder = await holdLock(lock);
  try {
    const outcome = Promise.allSettled([write(session.db)]);
    try {
      const [pid] = await waitForLockWaiters(session.tag, 1);
      await terminateBackend(pid!);
    } finally {
      await holder.release();
    }
    return { outcome: (await outcome)[0]!, session };
  } catch (err) {
    await session.close();
    throw err;
  }
}

// The patient row, locked the way an UPDATE of it would be: inserts that reference the patient
// (their foreign-key check) pass, the write's own update of the patient row waits. Each service
// below updates the patient row last, after its other rows.
const patientRow = (patientId: string): Lock => (s) => s`select 1 from patients where id = ${patientId} for no key update`;

const count = async (rows: Promise<unknown[]>) => (await rows).length;
const auditOf = (clinicId: string, action: string) =>
  handle.db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.action, action)));

describe.skipIf(!onPostgres)("the connection is killed mid-transaction: nothing half-written", () => {
  it("finalize (assessment, its snapshot, the audit event, the caseload summary): none of it stored; the form says the database is out and keeps the answers; a retry finalizes once", async () => {
    const d = await draftReadyToFinalize(handle.db);
    current.actor = d.actor;
    const post = form({ assessmentId: d.assessmentId, patientId: d.patientId, version: String(d.version), confirmed: "yes" });
    // finalize writes the assessment row and its audit event, then refreshes the patient's summary.
    const { outcome, session } = await killMidWrite(patientRow(d.patientId), (db) => {
      current.db = db;
      return finalizeAction(null, post);
    });
    try {
      expect(outcome.status).toBe("fulfilled");
      const state = (outcome as PromiseFulfilledResult<Awaited<ReturnType<typeof finalizeAction>>>).value;
      expect(state).toMatchObject({ ok: false, formError: DATABASE_UNAVAILABLE_MESSAGE, values: { assessmentId: d.assessmentId, version: String(d.version) } });
      const [row] = await handle.db.select().from(assessments).where(eq(assessments.id, d.assessmentId));
      expect(row).toMatchObject({ status: "draft", version: d.version, input: null, evaluation: null, finalizedAt: null });
      expect(await count(auditOf(d.clinic.id, "assessment.finalize"))).toBe(0);
      const [p] = await handle.db.select().from(patients).where(eq(patients.id, d.patientId));
      expect(p).toMatchObject({ lastVerdict: null, lastAssessedAt: null });
      expect((await verifyAuditChain(handle.db, { clinicId: d.clinic.id })).ok).toBe(true);

      // The same client, a new connection: the retry stores the whole record once.
      const retried = await finalizeAction(null, post).then(
        () => null,
        (e: unknown) => e as { digest?: string },
      );
      expect(retried?.digest).toContain("finalized=1");
      const [after] = await handle.db.select().from(assessments).where(eq(assessments.id, d.assessmentId));
      expect(after).toMatchObject({ status: "final", version: d.version + 1 });
      expect(await count(auditOf(d.clinic.id, "assessment.finalize"))).toBe(1);
      expect((await handle.db.select().from(patients).where(eq(patients.id, d.patientId)))[0]!.lastVerdict).toBe(after!.evaluation!.verdict);
      expect((await verifyAuditChain(handle.db, { clinicId: d.clinic.id })).ok).toBe(true);
    } finally {
      await session.close();
    }
  });

  it("publish (plan, position, link, audit events, the caseload's stage): none of it stored, the caller gets a database error; a retry publishes once", async () => {
    const s = await unpublishedPlan(handle.db);
    const publish = (db: Db) => publishPlan(db, s.actor, { patientId: s.patientId, planId: s.planId, version: s.planVersion }, at(PUBLISHED_ON));
    // publish updates the plan, appends the position (and its audit event), then sets the patient's stage.
    const { outcome, session } = await killMidWrite(patientRow(s.patientId), publish);
    try {
      expect(outcome.status).toBe("rejected");
      expect(isDatabaseUnavailable((outcome as PromiseRejectedResult).reason)).toBe(true);
      const [plan] = await handle.db.select().from(plans).where(eq(plans.id, s.planId));
      expect(plan).toMatchObject({ publishedVersion: null, publishedAt: null });
      expect(await count(handle.db.select().from(planPositions).where(eq(planPositions.planId, s.planId)))).toBe(0);
      expect(await count(handle.db.select().from(planLinks).where(eq(planLinks.planId, s.planId)))).toBe(0);
      expect(await count(auditOf(s.clinic.id, "plan.publish"))).toBe(0);
      expect(await count(auditOf(s.clinic.id, "plan.position"))).toBe(0);
      expect((await handle.db.select().from(patients).where(eq(patients.id, s.patientId)))[0]!.currentStage).toBeNull();

      const r = await publish(session.db);
      expect(r.link).not.toBeNull();
      expect(await count(handle.db.select().from(planPositions).where(eq(planPositions.planId, s.planId)))).toBe(1);
      expect(await count(handle.db.select().from(planLinks).where(eq(planLinks.planId, s.planId)))).toBe(1);
      expect(await count(auditOf(s.clinic.id, "plan.publish"))).toBe(1);
      expect((await verifyAuditChain(handle.db, { clinicId: s.clinic.id })).ok).toBe(true);
    } finally {
      await session.close();
    }
  });

  it("a patient's check-in (the row and its audit event): not stored, the phone gets an error; the same submission again stores one", async () => {
    const s = await publishedPlan(handle.db);
    const key = "6f1d7d1c-3f7e-4b8e-9a51-6a2c1f3b9e01";
    const session = sessionFormSchema.parse({ idempotencyKey: key, sessionDate: "2026-12-03", activity: "run", done: "as_planned", minutes: "30", painDuringNrs: "2", symptom_none: "on" });
    const record = (db: Db) => recordCheckIn(db, s.token, session, linkMeta, at("2026-12-03", 18));
    // The check-in row is inserted, then its audit event waits for the clinic's chain.
    const { outcome, session: client } = await killMidWrite(auditChainLock(s.clinic.id), record);
    try {
      expect(outcome.status).toBe("rejected");
      expect(isDatabaseUnavailable((outcome as PromiseRejectedResult).reason)).toBe(true);
      expect(await count(handle.db.select().from(checkIns).where(eq(checkIns.planId, s.planId)))).toBe(0);
      expect(await count(auditOf(s.clinic.id, "checkin.create"))).toBe(0);

      const again = await record(client.db);
      expect(again).toMatchObject({ kind: "ok", duplicate: false });
      expect(await count(handle.db.select().from(checkIns).where(eq(checkIns.planId, s.planId)))).toBe(1);
      expect(await count(auditOf(s.clinic.id, "checkin.create"))).toBe(1);
      expect((await verifyAuditChain(handle.db, { clinicId: s.clinic.id })).ok).toBe(true);
    } finally {
      await client.close();
    }
  });

  it("the review after a check-in: the check-in is kept (its own transaction), no half review; it is computed whole when the clinician opens the patient", async () => {
    const s = await publishedPlan(handle.db);
    await logSession(handle.db, s.token, "2026-12-03");
    await logSession(handle.db, s.token, "2026-12-05");
    const last = await logSession(handle.db, s.token, "2026-12-07", { morning: false });
    const morning = morningFormSchema.parse({ idempotencyKey: "0b7e4a52-52f5-4b55-8d2b-0c3f3c1a7e02", checkInId: last, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" });
    // The morning answer commits; the review then inserts the suggestion and its audit event and
    // waits to write the patient's worklist columns.
    const { outcome, session } = await killMidWrite(patientRow(s.patientId), (db) => recordNextMorning(db, s.token, morning, linkMeta, at("2026-12-08", 8)));
    try {
      // The patient's answer is safe and they are told so; the failed review is not theirs to see.
      expect(outcome).toMatchObject({ status: "fulfilled", value: { kind: "ok" } });
      const [ci] = await handle.db.select().from(checkIns).where(eq(checkIns.id, last));
      expect(ci!.morningPainNrs).toBe(1);
      expect(await count(handle.db.select().from(checkInReviews).where(eq(checkInReviews.planId, s.planId)))).toBe(0);
      expect(await count(auditOf(s.clinic.id, "review.suggest"))).toBe(0);
      expect((await handle.db.select().from(patients).where(eq(patients.id, s.patientId)))[0]!.reviewSuggestion).toBeNull();

      const healed = await refreshPatientReviews(session.db, s.clinic.id, s.patientId, at("2026-12-08", 9));
      expect(healed?.suggestion).toBe("progress");
      expect(await count(handle.db.select().from(checkInReviews).where(eq(checkInReviews.planId, s.planId)))).toBe(1);
      expect((await handle.db.select().from(patients).where(eq(patients.id, s.patientId)))[0]!.reviewSuggestion).toBe("progress");
      expect((await verifyAuditChain(handle.db, { clinicId: s.clinic.id })).ok).toBe(true);
    } finally {
      await session.close();
    }
  });

  it("approving a review (new plan version, position, audit events, the review, the patient's stage): none of it stored; a retry approves once", async () => {
    const s = await pendingProgressReview(handle.db);
    const approve = (db: Db) =>
      decideReview(db, s.actor, { patientId: s.patientId, reviewId: s.review.id, reviewVersion: s.review.version, decision: { kind: "approve" } }, at("2026-12-08", 14));
    // decide writes the plan, its new version and position (audited), then the patient's stage.
    const { outcome, session } = await killMidWrite(patientRow(s.patientId), approve);
    try {
      expect(outcome.status).toBe("rejected");
      expect(isDatabaseUnavailable((outcome as PromiseRejectedResult).reason)).toBe(true);
      expect((await handle.db.select().from(planVersions).where(eq(planVersions.planId, s.planId))).map((v) => v.version)).toEqual([1]);
      expect(await count(handle.db.select().from(planPositions).where(eq(planPositions.planId, s.planId)))).toBe(1);
      expect((await handle.db.select().from(plans).where(eq(plans.id, s.planId)))[0]).toMatchObject({ version: 1, publishedVersion: 1 });
      expect((await handle.db.select().from(checkInReviews).where(eq(checkInReviews.id, s.review.id)))[0]).toMatchObject({ status: "pending", version: s.review.version });
      expect(await count(auditOf(s.clinic.id, "review.approve"))).toBe(0);

      const r = await approve(session.db);
      expect(r.publishedVersion).toBe(2);
      expect(await count(handle.db.select().from(planVersions).where(eq(planVersions.planId, s.planId)))).toBe(2);
      expect(await count(handle.db.select().from(planPositions).where(eq(planPositions.planId, s.planId)))).toBe(2);
      expect(await count(auditOf(s.clinic.id, "review.approve"))).toBe(1);
      expect((await verifyAuditChain(handle.db, { clinicId: s.clinic.id })).ok).toBe(true);
    } finally {
      await session.close();
    }
  });
});
