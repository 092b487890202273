import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, checkInReviews, checkIns, patients } from "@/db/schema";
import { fixedClock } from "@/lib/time/clock";
import { openTestDb } from "../support/test-db";
import { seedFinalAssessment } from "./plan-support";

// A paper session log typed in by the clinician (issue 13): the same check-ins, marked as
// entered by the clinic, audited, and reviewed like the patient's own.
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { recordClinicianCheckIn } = await import("@/lib/checkins/record-clinician-check-in");
const { paperCheckInSchema } = await import("@/lib/validation/paper-check-in");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const clock = fixedClock("2026-12-09T15:00:00Z");

async function published() {
  const s = await seedFinalAssessment(handle.db);
  const { plan } = await createPlan(handle.db, s.actor, s);
  await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 }, fixedClock("2026-12-01T10:00:00Z"));
  return { ...s, planId: plan.id };
}

const row = (patientId: string, o: Record<string, string> = {}) =>
  paperCheckInSchema.parse({ patientId, idempotencyKey: randomUUID(), sessionDate: "2026-12-03", activity: "run", done: "as_planned", minutes: "30", painDuringNrs: "2", morningPainNrs: "1", comparedWithBefore: "same", note: "", ...o });

describe("paper log entered by the clinician", () => {
  it("stores the row against the published plan, marked entered_by, with its audit event; a double submit stores one", async () => {
    const s = await published();
    const form = row(s.patientId);
    const first = await recordClinicianCheckIn(handle.db, s.actor, form, clock);
    const again = await recordClinicianCheckIn(handle.db, s.actor, form, clock);
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    const rows = await handle.db.select().from(checkIns).where(eq(checkIns.planId, s.planId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ enteredBy: s.user.id, linkId: null, painDuringNrs: 2, morningPainNrs: 1, morningComparedWithBefore: "same", saddleNumbness: null });
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "checkin.create")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: s.user.id, patientId: s.patientId, entityId: rows[0]!.id });
    expect(events[0]!.detail).toMatchObject({ via: "clinician_paper" });
  });

  it("feeds the same review: three green rows from paper give a 'progress' suggestion", async () => {
    const s = await published();
    for (const d of ["2026-12-03", "2026-12-05", "2026-12-07"]) await recordClinicianCheckIn(handle.db, s.actor, row(s.patientId, { sessionDate: d }), clock);
    const [p] = await handle.db.select().from(checkInReviews).where(and(eq(checkInReviews.planId, s.planId), eq(checkInReviews.status, "pending")));
    expect(p).toMatchObject({ suggestion: "progress" });
    const [pt] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    expect(pt).toMatchObject({ reviewSuggestion: "progress", lastCheckInOn: "2026-12-07", dataDaysLast30: 3 });
  });

  it("refuses a future date, a morning answer for today and out-of-range scores, beside each field, and writes nothing", async () => {
    const s = await published();
    await expect(recordClinicianCheckIn(handle.db, s.actor, row(s.patientId, { sessionDate: "2026-12-10" }), clock)).rejects.toMatchObject({ kind: "invalid", fieldErrors: { sessionDate: [expect.stringMatching(/future/)] } });
    await expect(recordClinicianCheckIn(handle.db, s.actor, row(s.patientId, { sessionDate: "2026-12-09" }), clock)).rejects.toMatchObject({ kind: "invalid", fieldErrors: { comparedWithBefore: [expect.any(String)] } });
    await expect(recordClinicianCheckIn(handle.db, s.actor, row(s.patientId, { sessionDate: "2026-09-01" }), clock)).rejects.toMatchObject({ fieldErrors: { sessionDate: [expect.stringMatching(/60 days/)] } });
    const bad = paperCheckInSchema.safeParse({ patientId: s.patientId, idempotencyKey: randomUUID(), sessionDate: "2026-12-03", activity: "run", done: "as_planned", painDuringNrs: "11", morningPainNrs: "4" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["painDuringNrs", "comparedWithBefore"]));
    expect(await handle.db.select().from(checkIns).where(eq(checkIns.planId, s.planId))).toHaveLength(0);
  });

  it("another clinic's patient is not found, and a discharged patient's check-ins are closed", async () => {
    const s = await published();
    const stranger = (await seedFinalAssessment(handle.db)).actor;
    await expect(recordClinicianCheckIn(handle.db, stranger, row(s.patientId), clock)).rejects.toMatchObject({ kind: "not_found" });
    await handle.db.update(patients).set({ status: "discharged" }).where(eq(patients.id, s.patientId));
    await expect(recordClinicianCheckIn(handle.db, s.actor, row(s.patientId), clock)).rejects.toMatchObject({ kind: "invalid" });
    expect(await handle.db.select().from(checkIns).where(eq(checkIns.planId, s.planId))).toHaveLength(0);
  });
});
