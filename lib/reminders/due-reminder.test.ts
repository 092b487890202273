import { describe, expect, it } from "vitest";
import { dueReminder, inQuietHours, localMinutes, type ReminderSettings } from "./due-reminder";

const on: ReminderSettings = { enabled: true, silenceDays: 3, quietStart: "21:00", quietEnd: "08:00" };
const patient = { status: "active" as const, consent: true, hasEmail: true, liveLink: { issuedOn: "2026-11-01" } };
const base = { timeZone: "Europe/London", settings: on, patient, checkIns: [], sent: [] };

describe("quiet hours", () => {
  it("cross midnight: 21:00 to 08:00 holds at 22:00 and 07:59, not at 08:00 or 20:59", () => {
    const s = { quietStart: "21:00", quietEnd: "08:00" };
    expect(inQuietHours(new Date("2026-12-01T22:00:00Z"), "Europe/London", s)).toBe(true);
    expect(inQuietHours(new Date("2026-12-02T07:59:00Z"), "Europe/London", s)).toBe(true);
    expect(inQuietHours(new Date("2026-12-02T08:00:00Z"), "Europe/London", s)).toBe(false);
    expect(inQuietHours(new Date("2026-12-01T20:59:00Z"), "Europe/London", s)).toBe(false);
  });
  it("within one day (13:00 to 14:00) and none when start equals end", () => {
    expect(inQuietHours(new Date("2026-12-01T13:30:00Z"), "UTC", { quietStart: "13:00", quietEnd: "14:00" })).toBe(true);
    expect(inQuietHours(new Date("2026-12-01T14:00:00Z"), "UTC", { quietStart: "13:00", quietEnd: "14:00" })).toBe(false);
    expect(inQuietHours(new Date("2026-12-01T03:00:00Z"), "UTC", { quietStart: "08:00", quietEnd: "08:00" })).toBe(false);
  });
  it("read on the clinic's wall clock across a DST change", () => {
    // London, 29 Mar 2026: clocks go 01:00 GMT → 02:00 BST. 07:30 UTC is 08:30 BST that morning.
    expect(localMinutes(new Date("2026-03-29T07:30:00Z"), "Europe/London")).toBe(8 * 60 + 30);
    expect(inQuietHours(new Date("2026-03-29T07:30:00Z"), "Europe/London", on)).toBe(false);
    // The day before (still GMT) 07:30 UTC is 07:30 local: quiet.
    expect(inQuietHours(new Date("2026-03-28T07:30:00Z"), "Europe/London", on)).toBe(true);
    // New York, 1 Nov 2026 (EDT → EST): 12:30 UTC is 07:30 EST, quiet; a day earlier it was 08:30 EDT.
    expect(inQuietHours(new Date("2026-11-01T12:30:00Z"), "America/New_York", on)).toBe(true);
    expect(inQuietHours(new Date("2026-10-31T12:30:00Z"), "America/New_York", on)).toBe(false);
  });
  it("defers a due reminder: none inside quiet hours, the same one once they end", () => {
    const checkIns = [{ sessionDate: "2026-12-01", morningAnswered: false }];
    expect(dueReminder({ ...base, checkIns, now: new Date("2026-12-02T07:00:00Z") })).toEqual({ due: false, reason: "quiet_hours" });
    expect(dueReminder({ ...base, checkIns, now: new Date("2026-12-02T08:00:00Z") })).toEqual({ due: true, kind: "next_morning", localDay: "2026-12-02" });
  });
});

describe("what is due", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it("the next-morning answer for yesterday's session; not for today's, not once answered", () => {
    expect(dueReminder({ ...base, now, checkIns: [{ sessionDate: "2026-12-01", morningAnswered: false }] })).toMatchObject({ due: true, kind: "next_morning" });
    expect(dueReminder({ ...base, now, checkIns: [{ sessionDate: "2026-12-02", morningAnswered: false }] })).toEqual({ due: false, reason: "nothing_due" });
    expect(dueReminder({ ...base, now, checkIns: [{ sessionDate: "2026-12-01", morningAnswered: true }] })).toEqual({ due: false, reason: "nothing_due" });
  });
  it("yesterday is the clinic's yesterday: 23:30 UTC is already tomorrow in Berlin", () => {
    const late = new Date("2026-12-02T23:30:00Z");
    const s = { ...on, quietStart: "00:00", quietEnd: "00:00" };
    const checkIns = [{ sessionDate: "2026-12-02", morningAnswered: false }];
    expect(dueReminder({ ...base, settings: s, timeZone: "Europe/Berlin", now: late, checkIns })).toEqual({ due: true, kind: "next_morning", localDay: "2026-12-03" });
    expect(dueReminder({ ...base, settings: s, timeZone: "Europe/London", now: late, checkIns })).toEqual({ due: false, reason: "nothing_due" });
  });
  it("silence at exactly N days since the last session, not at N-1", () => {
    expect(dueReminder({ ...base, now, checkIns: [{ sessionDate: "2026-11-29", morningAnswered: true }] })).toMatchObject({ due: true, kind: "silence" });
    expect(dueReminder({ ...base, now, checkIns: [{ sessionDate: "2026-11-30", morningAnswered: true }] })).toEqual({ due: false, reason: "nothing_due" });
  });
  it("silence counts from the link's issue when there is no session, and repeats only every N days", () => {
    const p = { ...patient, liveLink: { issuedOn: "2026-11-30" } };
    expect(dueReminder({ ...base, patient: p, now })).toEqual({ due: false, reason: "nothing_due" });
    expect(dueReminder({ ...base, patient: { ...patient, liveLink: { issuedOn: "2026-11-29" } }, now })).toMatchObject({ due: true, kind: "silence" });
    const sent = [{ localDay: "2026-11-30", kind: "silence" as const }];
    expect(dueReminder({ ...base, now, sent })).toEqual({ due: false, reason: "nothing_due" });
    expect(dueReminder({ ...base, now: new Date("2026-12-03T10:00:00Z"), sent })).toMatchObject({ due: true, kind: "silence" });
  });
  it("one a day: any reminder already today blocks another of either kind", () => {
    const checkIns = [{ sessionDate: "2026-12-01", morningAnswered: false }];
    expect(dueReminder({ ...base, now, checkIns, sent: [{ localDay: "2026-12-02", kind: "silence" }] })).toEqual({ due: false, reason: "already_today" });
    expect(dueReminder({ ...base, now, checkIns, sent: [{ localDay: "2026-12-01", kind: "silence" }] })).toMatchObject({ due: true, kind: "next_morning" });
  });
  it("the day is the clinic's: 00:30 Berlin is a new day, though still the 1st in UTC", () => {
    const s = { ...on, quietStart: "03:00", quietEnd: "04:00" };
    const sent = [{ localDay: "2026-12-01", kind: "silence" as const }];
    const checkIns = [{ sessionDate: "2026-12-01", morningAnswered: false }];
    expect(dueReminder({ ...base, settings: s, timeZone: "Europe/Berlin", now: new Date("2026-12-01T23:30:00Z"), sent, checkIns })).toMatchObject({ due: true, localDay: "2026-12-02" });
  });
  it("none when the clinic is off, or for a discharged patient, without consent, email or live link", () => {
    const checkIns = [{ sessionDate: "2026-12-01", morningAnswered: false }];
    const args = { ...base, now, checkIns };
    expect(dueReminder({ ...args, settings: { ...on, enabled: false } })).toEqual({ due: false, reason: "disabled" });
    expect(dueReminder({ ...args, patient: { ...patient, status: "discharged" } })).toEqual({ due: false, reason: "discharged" });
    expect(dueReminder({ ...args, patient: { ...patient, consent: false } })).toEqual({ due: false, reason: "no_consent" });
    expect(dueReminder({ ...args, patient: { ...patient, hasEmail: false } })).toEqual({ due: false, reason: "no_email" });
    expect(dueReminder({ ...args, patient: { ...patient, liveLink: null } })).toEqual({ due: false, reason: "no_link" });
  });
});
