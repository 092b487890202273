import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, checkIns, clinics, planLinks, rtmEpisodes, rtmTimeEntries } from "@/db/schema";
import { rtmWorksheet } from "@/lib/rtm";
import { fixedClock } from "@/lib/time/clock";
import { openTestDb } from "../support/test-db";
import { seedFinalAssessment } from "./plan-support";

// Remote therapeutic monitoring records (issue 19): episodes, data days from real check-ins, the
// append-only time log and the worksheet built on the pure function.
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { startRtmEpisode, endRtmEpisode, recordRtmSetup } = await import("@/lib/monitoring/episodes");
const { logRtmTime } = await import("@/lib/monitoring/time-log");
const { getPatientRtm } = await import("@/lib/monitoring/patient-worksheet");
const { updateClinicSettings, settingsFormValues } = await import("@/lib/admin/update-clinic-settings");
const { clinicSettingsSchema } = await import("@/lib/validation/admin");
const { getClinicSettings } = await import("@/lib/clinics/get-clinic-settings");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const clock = fixedClock("2026-03-20T15:00:00Z");

async function seeded(timeZone = "America/New_York", extra: Record<string, unknown> = {}) {
  const s = await seedFinalAssessment(handle.db);
  await handle.db.update(clinics).set({ settings: { timeZone, ...extra } }).where(eq(clinics.id, s.clinic.id));
  const { plan } = await createPlan(handle.db, s.actor, s);
  await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 }, fixedClock("2026-02-20T10:00:00Z"));
  const [link] = await handle.db.select({ id: planLinks.id }).from(planLinks).where(eq(planLinks.planId, plan.id)).limit(1);
  return { ...s, planId: plan.id, linkId: link!.id };
}

type S = Awaited<ReturnType<typeof seeded>>;
const checkIn = (s: S, at: string, o: { paper?: boolean; sessionDate?: string } = {}) =>
  handle.db.insert(checkIns).values({
    clinicId: s.clinic.id,
    patientId: s.patientId,
    planId: s.planId,
    linkId: o.paper ? null : s.linkId,
    enteredBy: o.paper ? s.user.id : null,
    idempotencyKey: randomUUID(),
    sessionDate: o.sessionDate ?? at.slice(0, 10),
    activity: "run",
    done: "as_planned",
    createdAt: new Date(at),
  });
const start = (s: S, startedOn = "2026-03-01") => startRtmEpisode(handle.db, s.actor, { patientId: s.patientId, consentMethod: "verbal", startedOn }, clock);
const events = (s: S, action: string) => handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, action)));

describe("monitoring episode", () => {
  it("start and end are audited with consent who/when/how; one open episode at a time", async () => {
    const s = await seeded();
    const e = await start(s);
    expect(e).toMatchObject({ startedBy: s.user.id, consentMethod: "verbal", startedOn: "2026-03-01", endedOn: null, version: 1 });
    expect(e.consentAt.toISOString()).toBe("2026-03-20T15:00:00.000Z");
    await expect(start(s)).rejects.toMatchObject({ kind: "conflict" });
    const ended = await endRtmEpisode(handle.db, s.actor, { episodeId: e.id, endedOn: "2026-03-18", version: 1 }, clock);
    expect(ended).toMatchObject({ endedOn: "2026-03-18", endedBy: s.user.id, version: 2 });
    await expect(endRtmEpisode(handle.db, s.actor, { episodeId: e.id, endedOn: "2026-03-19", version: 2 }, clock)).rejects.toMatchObject({ kind: "conflict" });
    expect(await events(s, "rtm.episode_start")).toEqual([expect.objectContaining({ entityId: e.id, patientId: s.patientId, actorUserId: s.user.id })]);
    expect(await events(s, "rtm.episode_end")).toEqual([expect.objectContaining({ entityId: e.id, patientId: s.patientId })]);
  });

  it("refuses a future start, an end before the start, a stale version; set-up is recorded once", async () => {
    const s = await seeded();
    await expect(start(s, "2026-03-21")).rejects.toMatchObject({ kind: "invalid", fieldErrors: { startedOn: [expect.any(String)] } });
    const e = await start(s);
    await expect(endRtmEpisode(handle.db, s.actor, { episodeId: e.id, endedOn: "2026-02-27", version: 1 }, clock)).rejects.toMatchObject({ kind: "invalid", fieldErrors: { endedOn: [expect.any(String)] } });
    await recordRtmSetup(handle.db, s.actor, { episodeId: e.id, setupEducationOn: "2026-03-01", version: 1 }, clock);
    await expect(recordRtmSetup(handle.db, s.actor, { episodeId: e.id, setupEducationOn: "2026-03-02", version: 2 }, clock)).rejects.toMatchObject({ kind: "conflict" });
    await expect(endRtmEpisode(handle.db, s.actor, { episodeId: e.id, endedOn: "2026-03-10", version: 1 }, clock)).rejects.toMatchObject({ kind: "conflict" });
    expect(await events(s, "rtm.setup_record")).toHaveLength(1);
  });

  it("the database refuses changing consent or start, and deleting an episode", async () => {
    const s = await seeded();
    const e = await start(s);
    await expect(handle.db.update(rtmEpisodes).set({ consentMethod: "written" }).where(eq(rtmEpisodes.id, e.id))).rejects.toThrow();
    await expect(handle.db.delete(rtmEpisodes).where(eq(rtmEpisodes.id, e.id))).rejects.toThrow();
  });

  it("another clinic's patient and episode are not found", async () => {
    const s = await seeded();
    const e = await start(s);
    const stranger = (await seedFinalAssessment(handle.db)).actor;
    await expect(startRtmEpisode(handle.db, stranger, { patientId: s.patientId, consentMethod: "written", startedOn: "2026-03-01" }, clock)).rejects.toMatchObject({ kind: "not_found" });
    await expect(endRtmEpisode(handle.db, stranger, { episodeId: e.id, endedOn: "2026-03-10", version: 1 }, clock)).rejects.toMatchObject({ kind: "not_found" });
    await expect(logRtmTime(handle.db, stranger, { patientId: s.patientId, entryDate: "2026-03-05", minutes: 10, activity: "x", interactive: true }, clock)).rejects.toMatchObject({ kind: "not_found" });
    await expect(getPatientRtm(handle.db, stranger, s.patientId, clock)).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("time log", () => {
  it("entries are immutable; a correction replaces, a void withdraws; each is audited", async () => {
    const s = await seeded();
    await start(s);
    const a = await logRtmTime(handle.db, s.actor, { patientId: s.patientId, entryDate: "2026-03-05", minutes: 15, activity: "Reviewed check-ins", interactive: true }, clock);
    const b = await logRtmTime(handle.db, s.actor, { patientId: s.patientId, entryDate: "2026-03-06", minutes: 8, activity: "Messages", interactive: false, performedBy: "pta" }, clock);
    await expect(handle.db.update(rtmTimeEntries).set({ minutes: 20 }).where(eq(rtmTimeEntries.id, a.id))).rejects.toThrow();
    await expect(handle.db.delete(rtmTimeEntries).where(eq(rtmTimeEntries.id, a.id))).rejects.toThrow();
    let ws = (await getPatientRtm(handle.db, s.actor, s.patientId, clock)).episodes[0]!.worksheet;
    expect(ws.months[0]).toMatchObject({ minutes: 23, codes: [{ code: "98980", units: 1 }], modifiers: ["GP", "CQ"] });
    const a2 = await logRtmTime(handle.db, s.actor, { patientId: s.patientId, entryDate: "2026-03-05", minutes: 25, activity: "Reviewed check-ins (corrected)", interactive: true, correctsId: a.id }, clock);
    await expect(logRtmTime(handle.db, s.actor, { patientId: s.patientId, entryDate: "2026-03-05", minutes: 30, activity: "again", interactive: true, correctsId: a.id }, clock)).rejects.toMatchObject({ kind: "conflict" });
    await logRtmTime(handle.db, s.actor, { patientId: s.patientId, entryDate: "2026-03-06", minutes: 8, activity: "Withdrawn", interactive: false, performedBy: "pta", correctsId: b.id, voided: true }, clock);
    ws = (await getPatientRtm(handle.db, s.actor, s.patientId, clock)).episodes[0]!.worksheet;
    expect(ws.months[0]).toMatchObject({ minutes: 25, codes: [{ code: "98980", units: 1 }], modifiers: ["GP"] });
    expect(await events(s, "rtm.time_log")).toHaveLength(2);
    expect(await events(s, "rtm.time_correct")).toEqual(expect.arrayContaining([expect.objectContaining({ entityId: a2.id })]));
    expect(await events(s, "rtm.worksheet_view")).toHaveLength(2);
  });

  it("bad input is refused beside each field and writes nothing; a day outside any episode is refused", async () => {
    const s = await seeded();
    await start(s, "2026-03-10");
    await expect(logRtmTime(handle.db, s.actor, { patientId: s.patientId, entryDate: "2026-03-05", minutes: 10, activity: "x", interactive: true }, clock)).rejects.toMatchObject({ fieldErrors: { entryDate: [expect.any(String)] } });
    await expect(logRtmTime(handle.db, s.actor, { patientId: s.patientId, entryDate: "2026-02-30", minutes: 0, activity: "", interactive: true }, clock)).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { entryDate: [expect.any(String)], minutes: [expect.any(String)], activity: [expect.any(String)] },
    });
    const [{ n }] = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(rtmTimeEntries).where(eq(rtmTimeEntries.patientId, s.patientId))) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe("data days", () => {
  it("one per clinic-local day however many check-ins; a check-in at 23:30 local counts that day", async () => {
    const s = await seeded("America/New_York");
    await start(s);
    await checkIn(s, "2026-03-02T14:00:00Z");
    await checkIn(s, "2026-03-02T20:00:00Z");
    await checkIn(s, "2026-03-04T04:30:00Z"); // 23:30 on 3 Mar in New York (EST, UTC-5)
    await checkIn(s, "2026-03-09T03:30:00Z"); // 23:30 on 8 Mar, the day DST starts (EDT from 02:00)
    await checkIn(s, "2026-03-10T04:30:00Z"); // 00:30 on 10 Mar EDT
    const r = await getPatientRtm(handle.db, s.actor, s.patientId, clock);
    expect(r.episodes[0]!.input.dataDays).toEqual(["2026-03-02", "2026-03-03", "2026-03-08", "2026-03-10"]);
    expect(r.episodes[0]!.worksheet.windows[0]).toMatchObject({ dataDays: 4, supplyCode: "98985" });
  });

  it("a paper log counts on the day it describes only when the clinic allows it", async () => {
    const off = await seeded("Europe/London");
    await start(off);
    await checkIn(off, "2026-03-12T10:00:00Z", { paper: true, sessionDate: "2026-03-05" });
    expect((await getPatientRtm(handle.db, off.actor, off.patientId, clock)).episodes[0]!.input.dataDays).toEqual([]);
    const on = await seeded("Europe/London", { rtmCountPaperLogs: true });
    await start(on);
    await checkIn(on, "2026-03-12T10:00:00Z", { paper: true, sessionDate: "2026-03-05" });
    expect((await getPatientRtm(handle.db, on.actor, on.patientId, clock)).episodes[0]!.input.dataDays).toEqual(["2026-03-05"]);
  });

  it("the admin setting rtmCountPaperLogs defaults off, is saved from the settings form and audited", async () => {
    const s = await seeded("Europe/London");
    const admin = { ...s.actor, role: "admin" as const };
    const shown = settingsFormValues(await getClinicSettings(handle.db, s.clinic.id));
    expect(shown.rtmCountPaperLogs).toBe("off");
    const saved = await updateClinicSettings(handle.db, admin, clinicSettingsSchema.parse({ ...shown, rtmCountPaperLogs: "on", version: shown.version }));
    expect(saved.rtmCountPaperLogs).toBe(true);
    expect((await events(s, "clinic.settings_update")).at(-1)!.detail).toMatchObject({ rtmCountPaperLogs: true });
    expect(clinicSettingsSchema.safeParse({ ...shown, rtmCountPaperLogs: "maybe" }).error?.issues[0]?.path).toEqual(["rtmCountPaperLogs"]);
  });

  it("the screen's worksheet is the pure function of the stored records", async () => {
    const s = await seeded("America/New_York");
    const e = await start(s);
    await recordRtmSetup(handle.db, s.actor, { episodeId: e.id, setupEducationOn: "2026-03-01", version: 1 }, clock);
    for (let d = 2; d <= 18; d++) await checkIn(s, `2026-03-${String(d).padStart(2, "0")}T15:00:00Z`);
    await logRtmTime(handle.db, s.actor, { patientId: s.patientId, entryDate: "2026-03-10", minutes: 45, activity: "Video call", interactive: true }, clock);
    const r = (await getPatientRtm(handle.db, s.actor, s.patientId, clock)).episodes[0]!;
    expect(r.worksheet).toEqual(rtmWorksheet(r.input));
    expect(r.worksheet.setup).toEqual({ code: "98975", supportedOn: "2026-03-03" });
    expect(r.worksheet.windows[0]).toMatchObject({ dataDays: 17, supplyCode: "98977", complete: false });
    expect(r.worksheet.months[0]!.codes).toEqual([{ code: "98980", units: 1 }, { code: "98981", units: 1 }]);
  });
});
