import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, clinics, patients, type Patient } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createPatient } from "@/lib/patients/create-patient";
import { listCaseload } from "@/lib/patients/list-caseload";
import { fixedClock } from "@/lib/time/clock";
import { caseloadQuerySchema, patientFormSchema } from "@/lib/validation/patient";
import { actorFor, makeClinic, makeUser, openTestDb, validPatient } from "../support/test-db";

// "My caseload" as the clinician's worklist (issue 13): who needs them first, then each sort and
// filter, on patients whose worklist columns are set directly, as refreshReview would set them.
let handle: Awaited<ReturnType<typeof openTestDb>>;
let db: Db;
beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(() => handle.close());

// 20:00 UTC on 1 December is already 2 December in Auckland (UTC+13 in summer).
const clock = fixedClock("2026-12-01T20:00:00Z");
const hoursAgo = (h: number) => new Date(clock.now().getTime() - h * 3_600_000);
const q = (o: Record<string, string> = {}) => caseloadQuerySchema.parse(o);
const priority = { urgent_care: 0, seek_care: 1, regress: 2, progress: 3 } as const;

async function add(actor: Actor, lastName: string, set: Partial<Patient> & { review?: keyof typeof priority; waitingHours?: number } = {}) {
  const p = await createPatient(db, actor, patientFormSchema.parse(validPatient({ firstName: "Test", lastName })));
  const { review, waitingHours, ...columns } = set;
  await db
    .update(patients)
    .set({
      ...columns,
      ...(review ? { reviewSuggestion: review, reviewPriority: priority[review], reviewWaitingSince: hoursAgo(waitingHours ?? 1) } : {}),
    })
    .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, p.id)));
  return p;
}

async function worklist() {
  const clinic = await makeClinic(db);
  await db.update(clinics).set({ settings: { timeZone: "Pacific/Auckland" } }).where(eq(clinics.id, clinic.id));
  const me = actorFor(await makeUser(db, clinic.id));
  const colleague = actorFor(await makeUser(db, clinic.id));
  const elsewhere = await makeClinic(db);
  const stranger = actorFor(await makeUser(db, elsewhere.id));
  // Added in an order unlike the expected one, so a test cannot pass on insertion order.
  await add(me, "Progress-New", { review: "progress", waitingHours: 3, lastVerdict: "push", flaresLast7Days: 0, dataDaysLast30: 12, lastCheckInOn: "2026-12-01", checkInStatsOn: "2026-12-02" });
  await add(me, "Nothing", { lastVerdict: "modify", nextReassessmentDue: "2026-12-09" });
  await add(me, "Urgent-New", { review: "urgent_care", waitingHours: 1, openRedFlag: true, lastVerdict: "urgent_referral", flaresLast7Days: 3, dataDaysLast30: 5, lastCheckInOn: "2026-12-02", checkInStatsOn: "2026-12-02" });
  await add(me, "Regress", { review: "regress", waitingHours: 10, lastVerdict: "back_off", flaresLast7Days: 2, dataDaysLast30: 20, lastCheckInOn: "2026-11-28", checkInStatsOn: "2026-12-01" });
  await add(me, "Seek", { review: "seek_care", waitingHours: 2, openRedFlag: true, lastVerdict: "refer", nextReassessmentDue: "2026-12-01" });
  await add(me, "Progress-Old", { review: "progress", waitingHours: 30, lastVerdict: "modify", dataDaysLast30: 1, lastCheckInOn: "2026-11-10", checkInStatsOn: "2026-12-02" });
  await add(me, "Urgent-Old", { review: "urgent_care", waitingHours: 5, nextReassessmentDue: "2026-12-02" });
  await add(me, "Discharged", { status: "discharged", nextReassessmentDue: "2026-01-01", review: "progress", waitingHours: 100 });
  // Patients who must never show on my list, however urgent.
  await add(colleague, "Colleague-Urgent", { review: "urgent_care", waitingHours: 50, openRedFlag: true });
  await add(stranger, "Stranger-Urgent", { review: "urgent_care", waitingHours: 50, openRedFlag: true });
  return { me, colleague, clinic };
}

const names = async (actor: Actor, o: Record<string, string> = {}) => (await listCaseload(db, actor, q(o), clock)).rows.map((r) => r.lastName);

describe("My caseload, the clinician's worklist", () => {
  it("puts who needs me first: urgent, seek care, regress, progress, oldest first within each, then the rest", async () => {
    const { me } = await worklist();
    expect(await names(me)).toEqual(["Urgent-Old", "Urgent-New", "Seek", "Regress", "Progress-Old", "Progress-New", "Nothing"]);
  });

  it("shows only my own patients in my clinic, whatever the filter or sort", async () => {
    const { me, colleague } = await worklist();
    const views: Array<Record<string, string>> = [{}, { status: "all" }, { review: "urgent" }, { redFlag: "1" }, { sort: "name" }, { q: "Urgent" }];
    for (const o of views) {
      const shown = await names(me, o);
      expect(shown).not.toContain("Colleague-Urgent");
      expect(shown).not.toContain("Stranger-Urgent");
    }
    expect(await names(colleague)).toEqual(["Colleague-Urgent"]);
  });

  it("filters by what is awaiting review, red flags, overdue reassessment, status and name", async () => {
    const { me } = await worklist();
    expect(await names(me, { review: "care" })).toEqual(["Urgent-Old", "Urgent-New", "Seek"]);
    expect(await names(me, { review: "urgent" })).toEqual(["Urgent-Old", "Urgent-New"]);
    expect(await names(me, { review: "waiting" })).toEqual(["Urgent-Old", "Urgent-New", "Seek", "Regress", "Progress-Old", "Progress-New"]);
    expect(await names(me, { review: "none" })).toEqual(["Nothing"]);
    expect(await names(me, { redFlag: "1" })).toEqual(["Urgent-New", "Seek"]);
    expect(await names(me, { status: "discharged" })).toEqual(["Discharged"]);
    expect(await names(me, { status: "all", review: "waiting" })).toEqual([
      "Urgent-Old",
      "Urgent-New",
      "Seek",
      "Regress",
      "Discharged", // progress, waiting longest
      "Progress-Old",
      "Progress-New",
    ]);
    expect(await names(me, { q: "progress old" })).toEqual(["Progress-Old"]);
    expect(await names(me, { review: "care", redFlag: "1" })).toEqual(["Urgent-New", "Seek"]);
  });

  it("measures overdue against the clinic's own today, not the server's", async () => {
    const { me } = await worklist();
    // In Auckland it is already 2 December: due 1 December is overdue, due 2 December is not yet.
    const result = await listCaseload(db, me, q({ overdue: "1" }), clock);
    expect(result.today).toBe("2026-12-02");
    expect(result.rows.map((r) => r.lastName)).toEqual(["Seek"]);
  });

  it("sorts by each worklist column, ties and empty values in a stable place", async () => {
    const { me } = await worklist();
    expect(await names(me, { sort: "name" })).toEqual(["Nothing", "Progress-New", "Progress-Old", "Regress", "Seek", "Urgent-New", "Urgent-Old"]);
    expect(await names(me, { sort: "name", dir: "desc" })).toEqual(["Urgent-Old", "Urgent-New", "Seek", "Regress", "Progress-Old", "Progress-New", "Nothing"]);
    // By caution, not alphabetically (two "modify" tie, broken by id); no verdict last either way.
    const byVerdict = await names(me, { sort: "verdict" });
    expect(byVerdict[0]).toBe("Progress-New");
    expect(byVerdict.slice(1, 3).sort()).toEqual(["Nothing", "Progress-Old"]);
    expect(byVerdict.slice(3)).toEqual(["Regress", "Seek", "Urgent-New", "Urgent-Old"]);
    const byVerdictDesc = await names(me, { sort: "verdict", dir: "desc" });
    expect(byVerdictDesc.slice(0, 3)).toEqual(["Urgent-New", "Seek", "Regress"]);
    expect(byVerdictDesc.slice(5)).toEqual(["Progress-New", "Urgent-Old"]);
    expect((await names(me, { sort: "due" })).slice(0, 3)).toEqual(["Seek", "Urgent-Old", "Nothing"]);
    expect((await names(me, { sort: "due", dir: "desc" })).slice(0, 3)).toEqual(["Nothing", "Urgent-Old", "Seek"]);
    // Most recent check-in first, never last; oldest first puts "never" first.
    expect((await names(me, { sort: "lastCheckIn", dir: "desc" })).slice(0, 4)).toEqual(["Urgent-New", "Progress-New", "Regress", "Progress-Old"]);
    expect((await names(me, { sort: "lastCheckIn" })).slice(-4)).toEqual(["Progress-Old", "Regress", "Progress-New", "Urgent-New"]);
    expect((await names(me, { sort: "flares", dir: "desc" })).slice(0, 2)).toEqual(["Urgent-New", "Regress"]);
    expect((await names(me, { sort: "dataDays", dir: "desc" })).slice(0, 4)).toEqual(["Regress", "Progress-New", "Urgent-New", "Progress-Old"]);
    expect((await names(me, { sort: "dataDays" })).at(-1)).toBe("Regress");
  });

  it("returns the worklist columns, and audits the read", async () => {
    const { me } = await worklist();
    const result = await listCaseload(db, me, q(), clock);
    expect(result.rows[1]).toMatchObject({
      lastName: "Urgent-New",
      reviewSuggestion: "urgent_care",
      openRedFlag: true,
      lastVerdict: "urgent_referral",
      flaresLast7Days: 3,
      dataDaysLast30: 5,
      lastCheckInOn: "2026-12-02",
      checkInStatsOn: "2026-12-02",
    });
    expect(result.rows[1]!.reviewWaitingSince).toEqual(hoursAgo(1));
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, me.clinicId), eq(auditEvents.action, "patient.list")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: me.userId, entityType: "caseload", detail: { shown: 7, sort: "review" } });
  });

  it("falls back to the defaults for parameters it does not know", () => {
    const parsed = q({ sort: "ssn", dir: "sideways", review: "everything", status: "deleted", redFlag: "maybe", overdue: "<script>", page: "-4" });
    expect(parsed).toEqual({ q: undefined, status: "active", review: undefined, redFlag: false, overdue: false, sort: "review", dir: "asc", page: 1 });
    // "Needs me first" has one direction only.
    expect(q({ sort: "review", dir: "desc" }).dir).toBe("asc");
    expect(q({ sort: "flares", dir: "desc", redFlag: "1", review: "care" })).toMatchObject({ sort: "flares", dir: "desc", redFlag: true, review: "care" });
  });
});
