import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, checkIns, clinics, outboxMessages, patients } from "@/db/schema";
import { fixedClock } from "@/lib/time/clock";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";
import { seedFinalAssessment } from "./plan-support";

// Reminders end to end below the browser (issue 19): the scheduler's decision, the outbox, the
// worker and a real SMTP server on a loopback port, with the clock injected. Each test has its
// own clinic and recipient, and leaves none of its rows queued, so the shared worker runs of
// later tests cannot send them.
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { revokePatientLink } = await import("@/lib/plans/revoke-patient-link");
const { recordCheckIn } = await import("@/lib/checkins/record-check-in");
const { sessionFormSchema } = await import("@/lib/validation/checkin");
const { enqueueDueReminders } = await import("@/lib/reminders/enqueue-due-reminders");
const { claimOutboxMessages, runOutboxWorker, enqueueSms, LEASE_MS, MAX_ATTEMPTS, backoffMs } = await import("@/lib/reminders/outbox-worker");
const { smtpChannel, noSmsProvider } = await import("@/lib/reminders/channels");
const { setReminderConsent, stopRemindersFromLink } = await import("@/lib/reminders/set-reminder-consent");
const { liveReminderLink } = await import("@/lib/reminders/reminder-link");
const { listOutbox } = await import("@/lib/reminders/list-outbox");

type Received = { to: string[]; raw: string };
const inbox: Received[] = [];
let rejectAll = false;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, cb) {
    let raw = "";
    stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    stream.on("end", () => {
      if (rejectAll) {
        const err = new Error("mailbox unavailable, try later") as Error & { responseCode: number };
        err.responseCode = 451;
        return cb(err);
      }
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      cb();
    });
  },
});
let port = 0;
let channels: { email: ReturnType<typeof smtpChannel>; sms: typeof noSmsProvider };

beforeAll(async () => {
  handle = await openTestDb();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
  channels = { email: smtpChannel({ host: "127.0.0.1", port }), sms: noSmsProvider };
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle.close();
});

const ORIGIN = "https://app.test";
const PUBLISHED = "2026-12-01T10:00:00Z";
const meta = { ip: "192.0.2.9", userAgent: "phone" };
/** Quoted-printable soft breaks and escapes undone, so the test reads the words as sent. */
const decoded = (raw: string) => raw.replace(/\r?\n[ \t]+/g, " ").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const mailTo = (address: string) => inbox.filter((m) => m.to.includes(address));
const tokenIn = (raw: string) => /\/r\/([A-Za-z0-9_-]{32})(?!\/stop)\b/.exec(decoded(raw))?.[1];
const worker = (at: string) => runOutboxWorker(handle.db, { now: new Date(at), channels, origin: ORIGIN });

/** A published plan, a patient who agreed to reminders (recorded by the clinician), reminders on. */
async function agreedPatient(o: { quietStart?: string; quietEnd?: string; silenceDays?: number } = {}) {
  const s = await seedFinalAssessment(handle.db);
  const email = `pat-${randomUUID().slice(0, 8)}@example.test`;
  await handle.db.update(patients).set({ email }).where(and(eq(patients.clinicId, s.clinic.id), eq(patients.id, s.patientId)));
  await handle.db
    .update(clinics)
    .set({ settings: { reminders: { enabled: true, silenceDays: o.silenceDays ?? 3, quietStart: o.quietStart ?? "21:00", quietEnd: o.quietEnd ?? "08:00", senderEmail: "reminders@clinic.test" } } })
    .where(eq(clinics.id, s.clinic.id));
  const { plan } = await createPlan(handle.db, s.actor, s);
  const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 }, fixedClock(PUBLISHED));
  const [p] = await handle.db.select({ version: patients.version }).from(patients).where(eq(patients.id, s.patientId));
  await setReminderConsent(handle.db, s.actor, { patientId: s.patientId, consent: "yes", version: p!.version });
  return { ...s, plan, email, token: r.link!.path.slice(3) };
}

async function logSession(token: string, day: string) {
  const input = sessionFormSchema.parse({ idempotencyKey: randomUUID(), sessionDate: day, activity: "run", done: "as_planned", painDuringNrs: "6", symptom_none: "on", note: "knee pain on the hills" });
  const r = await recordCheckIn(handle.db, token, input, meta, fixedClock(`${day}T18:00:00Z`));
  expect(r.kind).toBe("ok");
}

const rowsOf = (clinicId: string) => handle.db.select().from(outboxMessages).where(eq(outboxMessages.clinicId, clinicId));
const turnOff = (clinicId: string) => handle.db.update(clinics).set({ settings: {} }).where(eq(clinics.id, clinicId));

describe("reminders through the outbox and SMTP", () => {
  it("sends the next-morning reminder once, with the clinic's name, both links and no health information", async () => {
    const s = await agreedPatient();
    await logSession(s.token, "2026-12-01");
    expect(await enqueueDueReminders(handle.db, new Date("2026-12-02T09:00:00Z"))).toMatchObject({ ran: true });
    // A second tick (or a second app server) queues nothing more: the idempotency key holds.
    await enqueueDueReminders(handle.db, new Date("2026-12-02T09:00:30Z"));
    const rows = await rowsOf(s.clinic.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "next_morning", status: "queued", localDay: "2026-12-02", channel: "email" });

    await worker("2026-12-02T09:01:00Z");
    const mail = mailTo(s.email);
    expect(mail).toHaveLength(1);
    const text = decoded(mail[0]!.raw);
    expect(text).toContain(`Subject: A reminder from ${s.clinic.name}: time for your check-in`);
    expect(text).toContain(`Message-ID: ${rows[0]!.messageId}`);
    expect(text).toMatch(/From: .*reminders@clinic\.test/);
    const token = tokenIn(mail[0]!.raw)!;
    expect(text).toContain(`${ORIGIN}/p/r/${token}/stop`);
    // Nothing about the patient or their sessions: no name, no pain, no note, no plan.
    const [patient] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    // The words a reader sees: the body without the links (random tokens) and MIME boundaries.
    const words = text
      .slice(text.indexOf("\r\n\r\n"))
      .replace(/https:\/\/\S+?(?=["\s<])/g, " ")
      .replace(/-{2,}_NmP\S+/g, " ")
      .toLowerCase();
    for (const word of [patient!.firstName, patient!.lastName, "pain", "knee", "hills", "run", "plan", "stage", "session"]) expect(words).not.toMatch(new RegExp(`\\b${word.toLowerCase()}\\b`));
    expect(words).toContain(s.clinic.name.toLowerCase());

    // The check-in link resolves to this patient's live link.
    const live = await liveReminderLink(handle.db, token, new Date("2026-12-02T09:05:00Z"));
    expect(live?.planLink.patientId).toBe(s.patientId);
    const [after] = await rowsOf(s.clinic.id);
    expect(after).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    const trail = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.entityId, after!.id)));
    expect(trail.map((e) => e.action).sort()).toEqual(["reminder.queue", "reminder.sent"]);
    await turnOff(s.clinic.id);
  });

  it("a worker that dies between claim and send: the lease runs out and the next run sends it exactly once", async () => {
    const s = await agreedPatient();
    await logSession(s.token, "2026-12-01");
    await enqueueDueReminders(handle.db, new Date("2026-12-02T09:00:00Z"));
    const claimed = await claimOutboxMessages(handle.db, new Date("2026-12-02T09:00:10Z"));
    expect(claimed.some((r) => r.clinicId === s.clinic.id)).toBe(true);
    // ... and the process is gone. Inside the lease nobody else takes the row.
    expect((await worker("2026-12-02T09:01:00Z")).claimed).toBe(0);
    expect(mailTo(s.email)).toHaveLength(0);
    const afterLease = new Date(new Date("2026-12-02T09:00:10Z").getTime() + LEASE_MS + 1000).toISOString();
    await worker(afterLease);
    await worker(new Date(new Date(afterLease).getTime() + LEASE_MS * 3).toISOString());
    expect(mailTo(s.email)).toHaveLength(1);
    const [row] = await rowsOf(s.clinic.id);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    // The dead worker's late report cannot overwrite: its attempt number is stale.
    expect(claimed.find((r) => r.clinicId === s.clinic.id)!.attempts).toBe(1);
    await turnOff(s.clinic.id);
  });

  it("quiet hours hold: nothing at 07:00 in London, the reminder at 08:00", async () => {
    const s = await agreedPatient();
    await logSession(s.token, "2026-12-01");
    await enqueueDueReminders(handle.db, new Date("2026-12-02T07:00:00Z"));
    await enqueueDueReminders(handle.db, new Date("2026-12-02T07:59:00Z"));
    expect(await rowsOf(s.clinic.id)).toHaveLength(0);
    await enqueueDueReminders(handle.db, new Date("2026-12-02T08:00:00Z"));
    expect(await rowsOf(s.clinic.id)).toHaveLength(1);
    await worker("2026-12-02T08:00:30Z");
    expect(mailTo(s.email)).toHaveLength(1);
    await turnOff(s.clinic.id);
  });

  it("never more than one a day: a silent stretch due the same day waits for tomorrow", async () => {
    const s = await agreedPatient({ silenceDays: 1 });
    await logSession(s.token, "2026-12-01");
    await enqueueDueReminders(handle.db, new Date("2026-12-02T09:00:00Z"));
    await worker("2026-12-02T09:00:30Z");
    await enqueueDueReminders(handle.db, new Date("2026-12-02T15:00:00Z"));
    await enqueueDueReminders(handle.db, new Date("2026-12-02T20:59:00Z"));
    expect(await rowsOf(s.clinic.id)).toHaveLength(1);
    await enqueueDueReminders(handle.db, new Date("2026-12-03T09:00:00Z"));
    await worker("2026-12-03T09:00:30Z");
    const rows = await rowsOf(s.clinic.id);
    expect(rows.map((r) => [r.localDay, r.kind]).sort()).toEqual([
      ["2026-12-02", "next_morning"],
      ["2026-12-03", "silence"],
    ]);
    expect(mailTo(s.email)).toHaveLength(2);
    await turnOff(s.clinic.id);
  });

  it("the stop link turns reminders off, is audited with the patient link as actor, and no reminder follows", async () => {
    const s = await agreedPatient();
    await logSession(s.token, "2026-12-01");
    await enqueueDueReminders(handle.db, new Date("2026-12-02T09:00:00Z"));
    await worker("2026-12-02T09:00:30Z");
    const token = tokenIn(mailTo(s.email)[0]!.raw)!;
    expect(await stopRemindersFromLink(handle.db, token, meta, new Date("2026-12-02T12:00:00Z"))).toMatchObject({ kind: "stopped", already: false });
    expect(await stopRemindersFromLink(handle.db, token, meta, new Date("2026-12-02T12:01:00Z"))).toMatchObject({ kind: "stopped", already: true });
    const [p] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    expect(p).toMatchObject({ remindersConsent: false, remindersConsentBy: null });
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "patient.reminders_consent")));
    expect(events.map((e) => [e.actorUserId === null ? "link" : "clinician", (e.detail as { via: string }).via, e.ip])).toEqual([
      ["clinician", "clinician", "127.0.0.1"],
      ["link", "reminder_stop_link", "192.0.2.9"],
      ["link", "reminder_stop_link", "192.0.2.9"],
    ]);
    await enqueueDueReminders(handle.db, new Date("2026-12-06T09:00:00Z"));
    expect(await rowsOf(s.clinic.id)).toHaveLength(1);
    await turnOff(s.clinic.id);
  });

  it("a revoked patient link kills the reminder's link, and a queued reminder under it is cancelled, not sent", async () => {
    const s = await agreedPatient();
    await logSession(s.token, "2026-12-01");
    await enqueueDueReminders(handle.db, new Date("2026-12-02T09:00:00Z"));
    await worker("2026-12-02T09:00:30Z");
    const token = tokenIn(mailTo(s.email)[0]!.raw)!;
    expect(await liveReminderLink(handle.db, token, new Date("2026-12-02T10:00:00Z"))).not.toBeNull();
    // A silent stretch queues another; then the clinician revokes the link before it goes.
    await handle.db.delete(checkIns).where(eq(checkIns.clinicId, s.clinic.id)).catch(() => undefined);
    await enqueueDueReminders(handle.db, new Date("2026-12-05T09:00:00Z"));
    expect((await rowsOf(s.clinic.id)).filter((r) => r.status === "queued")).toHaveLength(1);
    await revokePatientLink(handle.db, s.actor, { patientId: s.patientId, planId: s.plan.id });
    expect(await liveReminderLink(handle.db, token, new Date("2026-12-05T09:00:10Z"))).toBeNull();
    expect(await stopRemindersFromLink(handle.db, token, meta, new Date("2026-12-05T09:00:10Z"))).toEqual({ kind: "not_found" });
    await worker("2026-12-05T09:00:30Z");
    expect(mailTo(s.email)).toHaveLength(1);
    const cancelled = (await rowsOf(s.clinic.id)).find((r) => r.localDay === "2026-12-05");
    expect(cancelled).toMatchObject({ status: "cancelled", lastError: "patient link no longer live" });
    await turnOff(s.clinic.id);
  });

  it("an SMTP server that refuses: retried with backoff, then failed with its reason; an SMS with no provider fails at once", async () => {
    const s = await agreedPatient();
    await logSession(s.token, "2026-12-01");
    await enqueueDueReminders(handle.db, new Date("2026-12-02T09:00:00Z"));
    rejectAll = true;
    try {
      let t = new Date("2026-12-02T09:00:10Z").getTime();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const r = await runOutboxWorker(handle.db, { now: new Date(t), channels, origin: ORIGIN });
        expect(r.claimed).toBe(1);
        const [row] = await rowsOf(s.clinic.id);
        expect(row!.attempts).toBe(attempt);
        if (attempt < MAX_ATTEMPTS) {
          expect(row).toMatchObject({ status: "queued" });
          expect(row!.lastError).toContain("mailbox unavailable");
          expect(row!.nextAttemptAt.getTime()).toBe(t + backoffMs(attempt));
          // Not before its time.
          expect((await runOutboxWorker(handle.db, { now: new Date(t + backoffMs(attempt) - 1000), channels, origin: ORIGIN })).claimed).toBe(0);
          t += backoffMs(attempt);
        } else {
          expect(row).toMatchObject({ status: "failed" });
          expect(row!.lastError).toContain("mailbox unavailable");
        }
      }
    } finally {
      rejectAll = false;
    }
    expect(mailTo(s.email)).toHaveLength(0);
    const failed = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "reminder.failed")));
    expect(failed).toHaveLength(1);

    await handle.db.update(patients).set({ phone: "+44 7700 900000" }).where(eq(patients.id, s.patientId));
    const sms = await enqueueSms(handle.db, { clinicId: s.clinic.id, patientId: s.patientId, kind: "silence", localDay: "2026-12-03", now: new Date("2026-12-03T09:00:00Z") });
    expect(sms).not.toBeNull();
    await worker("2026-12-03T09:00:10Z");
    const [smsRow] = (await rowsOf(s.clinic.id)).filter((r) => r.channel === "sms");
    expect(smsRow).toMatchObject({ status: "failed", lastError: "no SMS provider configured", attempts: 1 });
    await turnOff(s.clinic.id);
  });

  it("nobody is reminded without consent, and the outbox list is the clinic's own", async () => {
    const s = await agreedPatient();
    const [p] = await handle.db.select({ version: patients.version }).from(patients).where(eq(patients.id, s.patientId));
    await setReminderConsent(handle.db, s.actor, { patientId: s.patientId, consent: "no", version: p!.version });
    await logSession(s.token, "2026-12-01");
    await enqueueDueReminders(handle.db, new Date("2026-12-02T09:00:00Z"));
    expect(await rowsOf(s.clinic.id)).toHaveLength(0);
    // A stale version is a conflict, not a silent overwrite.
    await expect(setReminderConsent(handle.db, s.actor, { patientId: s.patientId, consent: "yes", version: p!.version })).rejects.toMatchObject({ kind: "conflict" });

    const other = await makeClinic(handle.db);
    const admin2 = actorFor(await makeUser(handle.db, other.id, { role: "admin" }));
    await expect(setReminderConsent(handle.db, admin2, { patientId: s.patientId, consent: "yes", version: p!.version + 1 })).rejects.toMatchObject({ kind: "not_found" });
    const mine = await listOutbox(handle.db, actorFor({ ...s.user, role: "admin" }));
    const theirs = await listOutbox(handle.db, admin2);
    expect(theirs.rows).toHaveLength(0);
    expect(mine.rows.every((r) => r.patientId === s.patientId)).toBe(true);
    await turnOff(s.clinic.id);
  });
});
