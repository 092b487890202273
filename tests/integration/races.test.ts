import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw";
import { assessmentAmendments, assessments, auditEvents, checkInReviews, patients, planLinks, planPositions, plans, planVersions } from "@/db/schema";
import { reassignPatients, setPatientsStatus } from "@/lib/admin/clinic-caseload";
import { amendAssessment } from "@/lib/assessments/amend-assessment";
import { finalizeAssessment } from "@/lib/assessments/finalize-assessment";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { publishPlan } from "@/lib/plans/publish-plan";
import { decideReview } from "@/lib/reviews/decide-review";
import { updatePatient } from "@/lib/patients/update-patient";
import { patientUpdateSchema } from "@/lib/validation/patient";
import { auditChainLock, holdLock, onPostgres, openPgSession, uniqueTag, waitForLockWaiters } from "../support/pg-sessions";
import { actorFor, makeUser, openTestDb, validPatient } from "../support/test-db";
import { at, clinicForReassign, draftReadyToFinalize, finalAssessment, pendingProgressReview, PUBLISHED_ON, recoveryStepWithSleep, unpublishedPlan } from "./fault-fixtures";
import type postgres from "postgres";

// Two people doing the same thing to the same record at the same moment (issue 15). Exactly one
// wins; the other gets a conflict (ADR 0004), nothing is lost and nothing is stored twice.
//
// On PostgreSQL the two run on separate clients (two app servers) and really overlap: a third
// connection holds the row lock the services take first, both transactions open and queue behind
// it (seen in pg_stat_activity), then it lets go and they contend. On PGlite (one connection) the
// same two calls serialize, and the second must still lose.

let handle: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

type Lock = (sql: postgres.ReservedSql) => Promise<unknown>;

async function race<T>(lock: Lock, calls: Array<(db: Db) => Promise<T>>): Promise<PromiseSettledResult<T>[]> {
  if (!onPostgres) return Promise.allSettled(calls.map((call) => call(handle.db)));
  const tag = uniqueTag("race");
  const sessions = calls.map(() => openPgSession(tag, 1));
  const holder = await holdLock(lock);
  try {
    const settled = Promise.allSettled(calls.map((call, i) => call(sessions[i]!.db)));
    try {
      // Both transactions are open and waiting on the same lock: a real interleaving, not a queue.
      await waitForLockWaiters(tag, calls.length);
    } finally {
      await holder.release();
    }
    return await settled;
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
}

function oneWinner<T>(results: PromiseSettledResult<T>[]) {
  const won = results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled");
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(won, `one call should succeed; failures: ${lost.map((l) => String(l.reason)).join("; ")}`).toHaveLength(1);
  expect(lost).toHaveLength(1);
  expect(lost[0]!.reason).toMatchObject({ kind: "conflict" });
  return { winner: won[0]!.value, loserIndex: results.findIndex((r) => r.status === "rejected"), conflict: lost[0]!.reason as Error };
}

const rowLock = (table: string, id: string): Lock => (s) => s`select 1 from ${s(table)} where id = ${id} for update`;

async function auditCount(clinicId: string, action: string, entityId: string) {
  const rows = await handle.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
  return rows.length;
}

describe("races: exactly one wins", () => {
  it("two sessions finalizing the same draft: one final assessment, one audit event, the other a conflict", async () => {
    const d = await draftReadyToFinalize(handle.db);
    const results = await race(rowLock("assessments", d.assessmentId), [d.actor, d.actor].map((actor) => (db: Db) => finalizeAssessment(db, actor, { patientId: d.patientId, assessmentId: d.assessmentId, version: d.version })));
    const { winner } = oneWinner(results);
    const [row] = await handle.db.select().from(assessments).where(eq(assessments.id, d.assessmentId));
    expect(row).toMatchObject({ status: "final", version: d.version + 1, finalizedAt: winner.finalizedAt });
    expect(await auditCount(d.clinic.id, "assessment.finalize", d.assessmentId)).toBe(1);
    expect((await verifyAuditChain(handle.db, { clinicId: d.clinic.id })).ok).toBe(true);
  });

  it("two clinicians amending the same final assessment: one amendment (seq 1), the other's correction is refused, not lost silently", async () => {
    const d = await finalAssessment(handle.db);
    const amend = (sleepHours: string, reason: string) => (db: Db) =>
      amendAssessment(db, d.actor, { patientId: d.patientId, assessmentId: d.assessmentId, amendmentSeq: 0, step: "recovery", values: recoveryStepWithSleep(sleepHours), reason });
    const results = await race(rowLock("assessments", d.assessmentId), [amend("6", "Sleep was misheard: six hours"), amend("9", "Sleep corrected to nine hours")]);
    const { winner } = oneWinner(results);
    const rows = await handle.db.select().from(assessmentAmendments).where(eq(assessmentAmendments.assessmentId, d.assessmentId));
    expect(rows.map((r) => r.seq)).toEqual([1]);
    expect(rows[0]!.reason).toBe(winner.reason);
    expect(await auditCount(d.clinic.id, "assessment.amend", d.assessmentId)).toBe(1);
  });

  it("two sessions publishing the same plan version: one publish, one link, one position, the other a conflict", async () => {
    const s = await unpublishedPlan(handle.db);
    const publish = (db: Db) => publishPlan(db, s.actor, { patientId: s.patientId, planId: s.planId, version: s.planVersion }, at(PUBLISHED_ON));
    const results = await race(rowLock("plans", s.planId), [publish, publish]);
    const { winner, conflict } = oneWinner(results);
    expect(conflict.message).toMatch(/already published/);
    expect(winner.link).not.toBeNull();
    const [plan] = await handle.db.select().from(plans).where(eq(plans.id, s.planId));
    expect(plan).toMatchObject({ publishedVersion: s.planVersion, version: s.planVersion });
    expect(await handle.db.select().from(planLinks).where(eq(planLinks.planId, s.planId))).toHaveLength(1);
    expect(await handle.db.select().from(planPositions).where(eq(planPositions.planId, s.planId))).toHaveLength(1);
    expect(await auditCount(s.clinic.id, "plan.publish", s.planId)).toBe(1);
  });

  it("two clinicians approving the same review: one new plan version and stage move, the other a conflict", async () => {
    const s = await pendingProgressReview(handle.db);
    const other = actorFor(await makeUser(handle.db, s.clinic.id));
    const approve = (actor: typeof s.actor) => (db: Db) =>
      decideReview(db, actor, { patientId: s.patientId, reviewId: s.review.id, reviewVersion: s.review.version, decision: { kind: "approve" } }, at("2026-12-08", 14));
    // decideReview locks the plan first (then the review): hold the plan.
    const results = await race(rowLock("plans", s.planId), [approve(s.actor), approve(other)]);
    const { winner } = oneWinner(results);
    expect(winner.publishedVersion).toBe(2);
    expect((await handle.db.select().from(planVersions).where(eq(planVersions.planId, s.planId))).map((v) => v.version).sort()).toEqual([1, 2]);
    expect(await handle.db.select().from(planPositions).where(eq(planPositions.planId, s.planId))).toHaveLength(2);
    const reviews = await handle.db.select().from(checkInReviews).where(eq(checkInReviews.planId, s.planId));
    expect(reviews.map((r) => r.status)).toEqual(["approved"]);
    expect(await auditCount(s.clinic.id, "review.approve", s.review.id)).toBe(1);
    const [plan] = await handle.db.select().from(plans).where(eq(plans.id, s.planId));
    expect(plan).toMatchObject({ version: 2, publishedVersion: 2 });
  });

  it("two admins handing the same patient to different clinicians: one hand-over, the other a conflict (no silent overwrite)", async () => {
    const c = await clinicForReassign(handle.db);
    const seen = { [c.patientId]: c.pt1.id };
    const results = await race(rowLock("patients", c.patientId), [
      (db: Db) => reassignPatients(db, c.admin1, { patientIds: [c.patientId], clinicianId: c.pt2.id, assignedTo: seen }),
      (db: Db) => reassignPatients(db, c.admin2, { patientIds: [c.patientId], clinicianId: c.pt3.id, assignedTo: seen }),
    ]);
    const { loserIndex } = oneWinner(results);
    const winnerTarget = loserIndex === 0 ? c.pt3.id : c.pt2.id;
    const [row] = await handle.db.select().from(patients).where(eq(patients.id, c.patientId));
    expect(row!.clinicianId).toBe(winnerTarget);
    const events = await handle.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, c.clinic.id), eq(auditEvents.action, "patient.reassign")));
    expect(events.map((e) => e.detail)).toEqual([{ from: c.pt1.id, to: winnerTarget }]);
  });
});

describe("races: the same change twice is done once", () => {
  it("two admins discharging the same patient at once: one discharge, one audit event, the second finds it already done", async () => {
    const c = await clinicForReassign(handle.db);
    const results = await race(rowLock("patients", c.patientId), [c.admin1, c.admin2].map((admin) => (db: Db) => setPatientsStatus(db, admin, { patientIds: [c.patientId], status: "discharged" })));
    const outcomes = results.map((r) => {
      if (r.status === "rejected") throw r.reason;
      return r.value;
    });
    expect(outcomes.map((o) => o.changed).sort()).toEqual([0, 1]);
    expect(outcomes.map((o) => o.unchanged).sort()).toEqual([0, 1]);
    const [row] = await handle.db.select().from(patients).where(eq(patients.id, c.patientId));
    expect(row).toMatchObject({ status: "discharged", version: 2 });
    expect(await auditCount(c.clinic.id, "patient.discharge", c.patientId)).toBe(1);
  });
});

describe.skipIf(!onPostgres)("races on PostgreSQL: the sessions really overlapped", () => {
  it("both finalize transactions were open at once (two backends of the two clients queued on the row lock)", async () => {
    // The barrier itself is what the tests above rely on; this checks it against the server's own view.
    const d = await draftReadyToFinalize(handle.db);
    const tag = uniqueTag("race-check");
    const a = openPgSession(tag, 1);
    const b = openPgSession(tag, 1);
    const holder = await holdLock(rowLock("assessments", d.assessmentId));
    try {
      const settled = Promise.allSettled([a, b].map((s) => finalizeAssessment(s.db, d.actor, { patientId: d.patientId, assessmentId: d.assessmentId, version: d.version })));
      const pids = await waitForLockWaiters(tag, 2);
      const open = await rawRows<{ n: number }>(handle.db, sql`select count(*)::int as n from pg_stat_activity where pid = any(${`{${pids.join(",")}}`}::int[]) and xact_start is not null`);
      expect(new Set(pids).size).toBe(2);
      expect(open[0]!.n).toBe(2);
      await holder.release();
      oneWinner(await settled);
    } finally {
      await holder.release();
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("different writes to one patient at the same moment both succeed", () => {
  // Not a conflict: a clinician finalizes while someone corrects the patient's phone number. Each
  // locks rows in its own order (finalize: the assessment, then the patient's summary; the edit:
  // the patient) and both write the clinic's audit chain, which is serialized. If the chain's lock
  // were taken at the first audit event and held to commit, the two would wait on each other
  // (deadlock: one fails after PostgreSQL's deadlock_timeout with an error, not a conflict).
  it("finalize and a patient edit, interleaved at the audit chain: both committed, both audited, the chain intact", async () => {
    const d = await draftReadyToFinalize(handle.db);
    const [p] = await handle.db.select().from(patients).where(eq(patients.id, d.patientId));
    const edit = patientUpdateSchema.parse({ ...validPatient({ firstName: p!.firstName, lastName: p!.lastName, dateOfBirth: p!.dateOfBirth, sex: p!.sex, sport: p!.sport, phone: "+44 20 7946 0000" }), patientId: d.patientId, version: String(p!.version) });
    const doFinalize = (db: Db) => finalizeAssessment(db, d.actor, { patientId: d.patientId, assessmentId: d.assessmentId, version: d.version });
    const doEdit = (db: Db) => updatePatient(db, d.actor, edit);
    let results: PromiseSettledResult<unknown>[];
    if (!onPostgres) {
      results = await Promise.allSettled([doFinalize(handle.db), doEdit(handle.db)]);
    } else {
      // Hold the clinic's audit chain. Finalize runs until it needs the chain (holding its rows),
      // then the edit runs until it waits too (on the chain, or on a row finalize holds); then
      // let go, and the two contend with whatever each holds.
      const a = openPgSession(uniqueTag("race-fin"), 1);
      const b = openPgSession(uniqueTag("race-edit"), 1);
      const holder = await holdLock(auditChainLock(d.clinic.id));
      try {
        const fin = doFinalize(a.db);
        await waitForLockWaiters(a.tag, 1);
        const ed = doEdit(b.db);
        try {
          await waitForLockWaiters(b.tag, 1);
        } finally {
          await holder.release();
        }
        results = await Promise.allSettled([fin, ed]);
      } finally {
        await holder.release();
        await Promise.all([a.close(), b.close()]);
      }
    }
    expect(results.map((r) => (r.status === "rejected" ? String((r.reason as Error)?.cause ?? r.reason) : "ok"))).toEqual(["ok", "ok"]);
    const [after] = await handle.db.select().from(patients).where(eq(patients.id, d.patientId));
    expect(after).toMatchObject({ phone: "+44 20 7946 0000", lastVerdict: expect.any(String) });
    expect(await auditCount(d.clinic.id, "assessment.finalize", d.assessmentId)).toBe(1);
    expect(await auditCount(d.clinic.id, "patient.update", d.patientId)).toBe(1);
    expect((await verifyAuditChain(handle.db, { clinicId: d.clinic.id })).ok).toBe(true);
  });
});
