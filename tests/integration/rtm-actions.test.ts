import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, rtmEpisodes, rtmTimeEntries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { form, redirectTarget } from "../support/actions";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";
import { seedFinalAssessment } from "./plan-support";

// The RTM forms' actions (issue 19) as Next runs them, minus Next: the session from this stub, the
// database this file's, the request's clock the test clock (ADR 0015).
const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
process.env.LOADWISE_TEST_CLOCK = "1";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-loadwise-test-now": "2026-03-20T15:00:00Z" }) }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const a = await import("@/app/(clinic)/patients/[patientId]/rtm/actions");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  current.actor = null;
});

async function patient() {
  const s = await seedFinalAssessment(handle.db);
  current.actor = s.actor;
  return s;
}
const episodesOf = (patientId: string) => handle.db.select().from(rtmEpisodes).where(eq(rtmEpisodes.patientId, patientId));
const entriesOf = (patientId: string) => handle.db.select().from(rtmTimeEntries).where(eq(rtmTimeEntries.patientId, patientId)).orderBy(rtmTimeEntries.createdAt);
const eventsOf = (clinicId: string, action: string) => handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.action, action)));
const minutes = (patientId: string, o: Record<string, string> = {}) => form({ patientId, entryDate: "2026-03-19", minutes: "20", interactive: "yes", performedBy: "pt", activity: "Video call about the week", returnTo: "rtm", ...o });

async function started(s: Awaited<ReturnType<typeof patient>>) {
  expect(await redirectTarget(a.startRtmEpisodeAction(null, form({ patientId: s.patientId, consentMethod: "written", startedOn: "2026-03-02" })))).toBe(`/patients/${s.patientId}/rtm?saved=started`);
  const [e] = await episodesOf(s.patientId);
  return e!;
}

describe("starting an episode", () => {
  it("records consent (how from the form, who the signed-in clinician) and returns to the page", async () => {
    const s = await patient();
    const e = await started(s);
    expect(e).toMatchObject({ consentMethod: "written", startedOn: "2026-03-02", startedBy: s.user.id, endedOn: null });
    expect(await eventsOf(s.clinic.id, "rtm.episode_start")).toHaveLength(1);
  });

  it("returns each field error beside its field and writes nothing", async () => {
    const s = await patient();
    const state = await a.startRtmEpisodeAction(null, form({ patientId: s.patientId, consentMethod: "telepathy", startedOn: "2026-02-30" }));
    expect(state?.ok).toBe(false);
    expect(Object.keys(state?.fieldErrors ?? {}).sort()).toEqual(["consentMethod", "startedOn"]);
    expect(state?.fieldErrors?.consentMethod).toEqual(["Choose how the patient gave consent."]);
    const future = await a.startRtmEpisodeAction(null, form({ patientId: s.patientId, consentMethod: "verbal", startedOn: "2026-03-21" }));
    expect(future?.fieldErrors?.startedOn).toEqual(["Monitoring cannot start in the future."]);
    expect(await episodesOf(s.patientId)).toHaveLength(0);
    expect(await eventsOf(s.clinic.id, "rtm.episode_start")).toHaveLength(0);
  });

  it("another clinic's patient is not found, and nothing is written", async () => {
    const s = await patient();
    current.actor = actorFor(await makeUser(handle.db, (await makeClinic(handle.db)).id));
    const state = await a.startRtmEpisodeAction(null, form({ patientId: s.patientId, consentMethod: "verbal", startedOn: "2026-03-02" }));
    expect(state).toMatchObject({ ok: false, formError: "Patient not found" });
    expect(await episodesOf(s.patientId)).toHaveLength(0);
  });

  it("a signed-out caller goes to sign-in", async () => {
    const s = await patient();
    current.actor = null;
    expect(await redirectTarget(a.startRtmEpisodeAction(null, form({ patientId: s.patientId, consentMethod: "verbal", startedOn: "2026-03-02" })))).toBe("/login");
    expect(await episodesOf(s.patientId)).toHaveLength(0);
  });
});

describe("set-up and ending", () => {
  it("set-up is recorded once; a stale version is a plain conflict; ending checks its day", async () => {
    const s = await patient();
    const e = await started(s);
    expect(await redirectTarget(a.recordRtmSetupAction(null, form({ episodeId: e.id, version: String(e.version), setupEducationOn: "2026-03-02" })))).toBe(`/patients/${s.patientId}/rtm?saved=setup`);
    const again = await a.recordRtmSetupAction(null, form({ episodeId: e.id, version: String(e.version + 1), setupEducationOn: "2026-03-03" }));
    expect(again).toMatchObject({ ok: false, formError: "Set-up and education is already recorded for this episode." });

    // The page was rendered before the set-up was saved: its version is stale.
    const stale = await a.endRtmEpisodeAction(null, form({ episodeId: e.id, version: String(e.version), endedOn: "2026-03-19" }));
    expect(stale).toMatchObject({ ok: false, formError: "Someone else changed this episode. Reload to see their change." });
    const early = await a.endRtmEpisodeAction(null, form({ episodeId: e.id, version: String(e.version + 1), endedOn: "2026-03-01" }));
    expect(early?.fieldErrors?.endedOn).toEqual(["The last monitored day cannot be before monitoring started."]);
    expect((await episodesOf(s.patientId))[0]!.endedOn).toBeNull();

    expect(await redirectTarget(a.endRtmEpisodeAction(null, form({ episodeId: e.id, version: String(e.version + 1), endedOn: "2026-03-19" })))).toBe(`/patients/${s.patientId}/rtm?saved=ended`);
    expect((await episodesOf(s.patientId))[0]).toMatchObject({ endedOn: "2026-03-19", setupEducationOn: "2026-03-02" });
  });

  it("another clinic's episode is not found", async () => {
    const s = await patient();
    const e = await started(s);
    current.actor = actorFor(await makeUser(handle.db, (await makeClinic(handle.db)).id, { role: "admin" }));
    expect(await a.recordRtmSetupAction(null, form({ episodeId: e.id, version: "1", setupEducationOn: "2026-03-02" }))).toMatchObject({ ok: false, formError: "Monitoring episode not found" });
    expect(await a.endRtmEpisodeAction(null, form({ episodeId: e.id, version: "1", endedOn: "2026-03-19" }))).toMatchObject({ ok: false, formError: "Monitoring episode not found" });
    expect((await episodesOf(s.patientId))[0]).toMatchObject({ endedOn: null, setupEducationOn: null, version: 1 });
  });
});

describe("logging, correcting and withdrawing minutes", () => {
  it("logs minutes with a live call; every field error comes back and nothing is written on bad input", async () => {
    const s = await patient();
    await started(s);
    const bad = await a.logRtmTimeAction(null, minutes(s.patientId, { minutes: "241", interactive: "", performedBy: "nurse", activity: "  ", entryDate: "yesterday" }));
    expect(bad?.ok).toBe(false);
    expect(Object.keys(bad?.fieldErrors ?? {}).sort()).toEqual(["activity", "entryDate", "interactive", "minutes", "performedBy"]);
    expect(bad?.fieldErrors?.minutes).toEqual(["Enter 1 to 240 minutes."]);
    expect(bad?.values?.minutes).toBe("241");
    const zero = await a.logRtmTimeAction(null, minutes(s.patientId, { minutes: "0" }));
    expect(zero?.fieldErrors?.minutes).toEqual(["Enter 1 to 240 minutes."]);
    expect((await a.logRtmTimeAction(null, minutes(s.patientId, { minutes: " " })))?.fieldErrors?.minutes).toEqual(["Enter the minutes."]);
    expect((await a.logRtmTimeAction(null, minutes(s.patientId, { minutes: "ten" })))?.fieldErrors?.minutes).toEqual(["Enter the minutes as a number."]);
    expect((await a.logRtmTimeAction(null, minutes(s.patientId, { minutes: "12.5" })))?.fieldErrors?.minutes).toEqual(["Enter whole minutes."]);
    const before = await a.logRtmTimeAction(null, minutes(s.patientId, { entryDate: "2026-03-01" }));
    expect(before?.fieldErrors?.entryDate).toEqual(["No monitoring episode covers that day."]);
    expect(await entriesOf(s.patientId)).toHaveLength(0);

    expect(await redirectTarget(a.logRtmTimeAction(null, minutes(s.patientId)))).toBe(`/patients/${s.patientId}/rtm?saved=logged`);
    expect(await redirectTarget(a.logRtmTimeAction(null, minutes(s.patientId, { returnTo: "queue", minutes: "5", interactive: "no", performedBy: "pta" })))).toBe(`/reviews?logged=${s.patientId}`);
    const rows = await entriesOf(s.patientId);
    expect(rows.map((r) => [r.minutes, r.interactive, r.performedBy, r.loggedBy])).toEqual([
      [20, true, "pt", s.user.id],
      [5, false, "pta", s.user.id],
    ]);
    expect(await eventsOf(s.clinic.id, "rtm.time_log")).toHaveLength(2);
  });

  it("a correction adds a row naming the old one; a second correction of the same row is refused; withdrawing copies the entry", async () => {
    const s = await patient();
    await started(s);
    await redirectTarget(a.logRtmTimeAction(null, minutes(s.patientId)));
    const [first] = await entriesOf(s.patientId);
    const fix = { patientId: s.patientId, correctsId: first!.id, entryDate: "2026-03-19", minutes: "25", interactive: "yes", performedBy: "pt", activity: "Video call, 25 minutes" };
    expect(await redirectTarget(a.correctRtmTimeAction(null, form(fix)))).toBe(`/patients/${s.patientId}/rtm?saved=corrected`);
    expect(await a.correctRtmTimeAction(null, form({ ...fix, minutes: "30" }))).toMatchObject({ ok: false, formError: "That entry has already been corrected. Correct the latest version instead." });
    const [, corrected] = await entriesOf(s.patientId);
    expect(corrected).toMatchObject({ correctsId: first!.id, minutes: 25, voided: false });

    // Withdrawing posts only the entry's id: the values are the stored ones, not the form's.
    expect(await redirectTarget(a.voidRtmTimeAction(null, form({ patientId: s.patientId, correctsId: corrected!.id, minutes: "240" })))).toBe(`/patients/${s.patientId}/rtm?saved=withdrawn`);
    const rows = await entriesOf(s.patientId);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ correctsId: corrected!.id, minutes: 25, voided: true, activity: "Video call, 25 minutes" });
    expect(await a.voidRtmTimeAction(null, form({ patientId: s.patientId, correctsId: rows[2]!.id }))).toMatchObject({ ok: false, formError: "That entry is already withdrawn." });
    expect(await eventsOf(s.clinic.id, "rtm.time_correct")).toHaveLength(2);
  });

  it("another clinic cannot log, correct or withdraw: not found, nothing written", async () => {
    const s = await patient();
    await started(s);
    await redirectTarget(a.logRtmTimeAction(null, minutes(s.patientId)));
    const [entry] = await entriesOf(s.patientId);
    current.actor = actorFor(await makeUser(handle.db, (await makeClinic(handle.db)).id));
    expect(await a.logRtmTimeAction(null, minutes(s.patientId))).toMatchObject({ ok: false, formError: "Patient not found" });
    expect(await a.correctRtmTimeAction(null, form({ patientId: s.patientId, correctsId: entry!.id, entryDate: "2026-03-19", minutes: "1", interactive: "no", performedBy: "pt", activity: "x" }))).toMatchObject({
      ok: false,
      formError: "Patient not found",
    });
    expect(await a.voidRtmTimeAction(null, form({ patientId: s.patientId, correctsId: entry!.id }))).toMatchObject({ ok: false, formError: "Patient not found" });
    expect(await entriesOf(s.patientId)).toHaveLength(1);
  });

  it("from the review queue, minutes link only to a review of this patient in this clinic", async () => {
    const s = await patient();
    await started(s);
    const otherClinicReview = "00000000-0000-4000-8000-000000000000";
    expect(await a.logRtmTimeAction(null, minutes(s.patientId, { returnTo: "queue", reviewId: otherClinicReview }))).toMatchObject({ ok: false, formError: "Review not found" });
    expect(await entriesOf(s.patientId)).toHaveLength(0);
  });
});
