import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, patients } from "@/db/schema";
import { caseloadCounts, listClinicCaseload, reassignPatients } from "@/lib/admin/clinic-caseload";
import type { Actor } from "@/lib/auth/actor";
import { createPatient } from "@/lib/patients/create-patient";
import { patientFormSchema } from "@/lib/validation/patient";
import { clinicCaseloadQuerySchema } from "@/lib/validation/admin";
import { form } from "../support/actions";
import { parseCsv } from "../support/csv";
import { actorFor, makeClinic, makeUser, openTestDb, validPatient } from "../support/test-db";

const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
const { GET: caseloadCsv } = await import("@/app/api/admin/caseload.csv/route");
const { bulkPatientsAction } = await import("@/app/(admin)/admin/actions");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  current.actor = null;
});

const q = (o: Record<string, string> = {}) => clinicCaseloadQuerySchema.parse(o);
async function clinic() {
  const c = await makeClinic(handle.db);
  const admin = actorFor(await makeUser(handle.db, c.id, { role: "admin" }));
  const pt1 = actorFor(await makeUser(handle.db, c.id));
  const pt2 = actorFor(await makeUser(handle.db, c.id));
  const add = (a: Actor, o: Record<string, string>) => createPatient(handle.db, a, patientFormSchema.parse(validPatient(o)));
  const p = [await add(pt1, { lastName: "Alpha" }), await add(pt1, { lastName: "Bravo" }), await add(pt2, { lastName: "Charlie" })];
  await handle.db.update(patients).set({ lastVerdict: "refer", openRedFlag: true, nextReassessmentDue: "2020-01-01" }).where(eq(patients.id, p[1]!.id));
  return { c, admin, pt1, pt2, p };
}

describe("clinic caseload", () => {
  it("lists every clinician's patients of this clinic only, with filters and counts", async () => {
    const { admin, pt2 } = await clinic();
    await clinic(); // another clinic's patients must not show
    expect((await listClinicCaseload(handle.db, admin, q())).total).toBe(3);
    expect((await listClinicCaseload(handle.db, admin, q({ clinician: pt2.userId }))).rows.map((r) => r.lastName)).toEqual(["Charlie"]);
    expect((await listClinicCaseload(handle.db, admin, q({ flag: "red_flag" }))).rows.map((r) => r.lastName)).toEqual(["Bravo"]);
    expect((await listClinicCaseload(handle.db, admin, q({ flag: "overdue" }))).rows.map((r) => r.lastName)).toEqual(["Bravo"]);
    expect((await listClinicCaseload(handle.db, admin, q({ sort: "name", dir: "desc" }))).rows.map((r) => r.lastName)).toEqual(["Charlie", "Bravo", "Alpha"]);
    expect(await caseloadCounts(handle.db, admin)).toMatchObject({ active: 3, redFlags: 1, overdue: 1 });
  });

  it("carries the worklist's columns, sorts by who needs review first, and counts urgent reports and reviews waiting", async () => {
    const { admin, pt1, p } = await clinic();
    const since = new Date("2026-11-30T09:00:00Z");
    await handle.db
      .update(patients)
      .set({ reviewSuggestion: "seek_care", reviewPriority: 1, reviewWaitingSince: since, lastCheckInOn: "2026-11-29", flaresLast7Days: 2, dataDaysLast30: 9, checkInStatsOn: "2026-11-30" })
      .where(eq(patients.id, p[0]!.id));
    await handle.db.update(patients).set({ reviewSuggestion: "urgent_care", reviewPriority: 0, reviewWaitingSince: since }).where(eq(patients.id, p[2]!.id));
    // A discharged patient's old report is not counted on the dashboard.
    const gone = await createPatient(handle.db, pt1, patientFormSchema.parse(validPatient({ lastName: "Delta" })));
    // Waiting an hour less than Charlie: within one priority the older wait comes first (ids break only exact ties).
    await handle.db.update(patients).set({ status: "discharged", reviewSuggestion: "urgent_care", reviewPriority: 0, reviewWaitingSince: new Date(since.getTime() + 3_600_000) }).where(eq(patients.id, gone.id));

    expect((await listClinicCaseload(handle.db, admin, q({ sort: "review" }))).rows.map((r) => r.lastName)).toEqual(["Charlie", "Alpha", "Bravo"]);
    expect((await listClinicCaseload(handle.db, admin, q({ review: "urgent" }))).rows.map((r) => r.lastName)).toEqual(["Charlie"]);
    expect((await listClinicCaseload(handle.db, admin, q({ review: "care", status: "all", sort: "review" }))).rows.map((r) => r.lastName)).toEqual(["Charlie", "Delta", "Alpha"]);
    expect((await listClinicCaseload(handle.db, admin, q({ review: "none" }))).rows.map((r) => r.lastName)).toEqual(["Bravo"]);
    expect((await listClinicCaseload(handle.db, admin, q({ sort: "flares", dir: "desc" }))).rows[0]?.lastName).toBe("Alpha");
    const [alpha] = (await listClinicCaseload(handle.db, admin, q({ q: "Alpha" }))).rows;
    expect(alpha).toMatchObject({ reviewSuggestion: "seek_care", reviewWaitingSince: since, lastCheckInOn: "2026-11-29", flaresLast7Days: 2, dataDaysLast30: 9, checkInStatsOn: "2026-11-30" });
    expect(await caseloadCounts(handle.db, admin)).toMatchObject({ active: 3, urgentReports: 1, reviewsWaiting: 2 });
  });

  it("exports the worklist's columns, every cell quoted, dates ISO and times UTC", async () => {
    const { admin, p } = await clinic();
    await handle.db
      .update(patients)
      .set({ reviewSuggestion: "urgent_care", reviewPriority: 0, reviewWaitingSince: new Date("2026-11-30T23:30:00-05:00"), lastCheckInOn: "2026-11-30", flaresLast7Days: 1, dataDaysLast30: 4, checkInStatsOn: "2026-12-01" })
      .where(eq(patients.id, p[0]!.id));
    current.actor = admin;
    const res = await caseloadCsv(new Request("http://t/api/admin/caseload.csv?sort=review"), { params: Promise.resolve({}) });
    const text = await res.text();
    const [header, ...rows] = parseCsv(text);
    const col = (name: string) => header!.indexOf(name);
    for (const name of ["awaiting_review", "review_waiting_since_utc", "last_check_in", "flares_last_7_days", "data_days_last_30", "check_in_stats_on"]) expect(col(name), name).toBeGreaterThan(-1);
    const first = rows[0]!;
    expect(first[col("last_name")]).toBe("Alpha");
    expect(first[col("awaiting_review")]).toBe("urgent_care");
    expect(first[col("review_waiting_since_utc")]).toBe("2026-12-01T04:30:00.000Z");
    expect(first[col("last_check_in")]).toBe("2026-11-30");
    expect(first[col("flares_last_7_days")]).toBe("1");
    expect(first[col("data_days_last_30")]).toBe("4");
    expect(first[col("check_in_stats_on")]).toBe("2026-12-01");
    // Quoted on the wire, not only parseable: numbers too, and empty cells as "".
    expect(text.split("\r\n")[0]).toContain('"awaiting_review","review_waiting_since_utc","last_check_in","flares_last_7_days","data_days_last_30","check_in_stats_on"');
    expect(text).toContain('"urgent_care","2026-12-01T04:30:00.000Z","2026-11-30","1","4","2026-12-01"');
    expect(rows[1]![col("awaiting_review")]).toBe("");
    expect(text.split("\r\n")[2]).toMatch(/,"","","","0","0",""$/);
  });

  it("reassigns selected patients in one transaction and audits each", async () => {
    const { admin, pt2, p } = await clinic();
    current.actor = admin;
    // As the page posts it: the checked rows, and every listed row's clinician as drawn.
    const drawn = p.map((x) => ["assignedTo", `${x.id}:${x.clinicianId}`] as [string, string]);
    const state = await bulkPatientsAction(null, form([["intent", "reassign"], ["clinicianId", pt2.userId], ["patientIds", p[0]!.id], ["patientIds", p[1]!.id], ...drawn]));
    expect(state).toMatchObject({ ok: true, message: "Reassigned 2 patients." });
    const rows = await handle.db.select().from(patients).where(eq(patients.clinicianId, pt2.userId));
    expect(rows).toHaveLength(3);
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, admin.clinicId), eq(auditEvents.action, "patient.reassign")));
    expect(events).toHaveLength(2);
    expect(events[0]!.detail).toMatchObject({ from: p[0]!.clinicianId, to: pt2.userId });
  });

  it("changes nothing when a selected patient was handed to someone else after the page was drawn", async () => {
    const { admin, pt1, pt2, p } = await clinic();
    const other = actorFor(await makeUser(handle.db, admin.clinicId));
    // Another admin moved Bravo to pt2 after this page showed Bravo with pt1.
    await reassignPatients(handle.db, admin, { patientIds: [p[1]!.id], clinicianId: pt2.userId, assignedTo: { [p[1]!.id]: pt1.userId } });
    await expect(
      reassignPatients(handle.db, admin, { patientIds: [p[0]!.id, p[1]!.id], clinicianId: other.userId, assignedTo: { [p[0]!.id]: pt1.userId, [p[1]!.id]: pt1.userId } }),
    ).rejects.toMatchObject({ kind: "conflict", message: expect.stringContaining("reload") });
    const rows = await handle.db.select({ id: patients.id, clinicianId: patients.clinicianId }).from(patients).where(eq(patients.clinicId, admin.clinicId));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.clinicianId]))).toEqual({ [p[0]!.id]: pt1.userId, [p[1]!.id]: pt2.userId, [p[2]!.id]: pt2.userId });
    // Through the form: the conflict is a message for the admin, not an error page.
    current.actor = admin;
    const state = await bulkPatientsAction(null, form([["intent", "reassign"], ["clinicianId", other.userId], ["patientIds", p[1]!.id], ["assignedTo", `${p[1]!.id}:${pt1.userId}`]]));
    expect(state).toMatchObject({ ok: false, formError: expect.stringContaining("handed to another clinician") });
  });

  it("changes nothing when any selected patient belongs to another clinic", async () => {
    const a = await clinic();
    const b = await clinic();
    await expect(reassignPatients(handle.db, a.admin, { patientIds: [a.p[0]!.id, b.p[0]!.id], clinicianId: a.pt2.userId, assignedTo: { [a.p[0]!.id]: a.pt1.userId, [b.p[0]!.id]: b.pt1.userId } })).rejects.toMatchObject({ kind: "not_found" });
    const [unchanged] = await handle.db.select().from(patients).where(eq(patients.id, a.p[0]!.id));
    expect(unchanged?.clinicianId).toBe(a.pt1.userId);
  });

  it("reports every missing field of a bulk action", async () => {
    const { admin } = await clinic();
    current.actor = admin;
    const state = await bulkPatientsAction(null, form([["intent", "reassign"]]));
    expect(state?.ok).toBe(false);
    expect(Object.keys(state?.fieldErrors ?? {}).sort()).toEqual(["clinicianId", "patientIds"]);
  });

  it("exports exactly the filtered rows, without notes", async () => {
    const { admin, pt1, p } = await clinic();
    await handle.db.update(patients).set({ notes: "private clinical note" }).where(eq(patients.id, p[0]!.id));
    current.actor = admin;
    const res = await caseloadCsv(new Request(`http://t/api/admin/caseload.csv?clinician=${pt1.userId}`), { params: Promise.resolve({}) });
    const text = await res.text();
    const rows = parseCsv(text);
    expect(rows.slice(1).map((r) => r[2])).toEqual(["Alpha", "Bravo"]);
    expect(text).not.toContain("private clinical note");
  });

  it("exports only this clinic's patients when nothing else filters them", async () => {
    const a = await clinic();
    const b = await clinic();
    current.actor = a.admin;
    const res = await caseloadCsv(new Request("http://t/api/admin/caseload.csv?sort=name"), { params: Promise.resolve({}) });
    const ids = parseCsv(await res.text())
      .slice(1)
      .map((r) => r[0]);
    expect(ids.sort()).toEqual(a.p.map((x) => x.id).sort());
    for (const theirs of b.p) expect(ids).not.toContain(theirs.id);
  });

  it("is closed to clinicians", async () => {
    const { pt1, p } = await clinic();
    current.actor = pt1;
    expect((await caseloadCsv(new Request("http://t/api/admin/caseload.csv"), { params: Promise.resolve({}) })).status).toBe(403);
    const state = await bulkPatientsAction(null, form([["intent", "discharge"], ["patientIds", p[0]!.id]]));
    expect(state?.formError).toMatch(/role does not allow/);
  });
});
