// Which reminder, if any, is due for one patient at `now` (issue 19, ADR 0030). Pure: the caller
// passes the instant, the clinic's zone and settings, the patient's check-ins and the reminders
// already queued; nothing here reads a clock or a database.
import { daysBetween } from "@/lib/clinical/checkins/dates";
import { dayIn } from "@/lib/time/clock";

export type ReminderKind = "next_morning" | "silence";

export type ReminderSettings = {
  enabled: boolean;
  /** Days without a check-in before a "we have not heard from you" reminder (1-30). */
  silenceDays: number;
  /** Quiet hours, clinic wall clock "HH:MM"; start > end crosses midnight; equal means none. */
  quietStart: string;
  quietEnd: string;
};

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { enabled: false, silenceDays: 3, quietStart: "21:00", quietEnd: "08:00" };

export type ReminderPatient = {
  status: "active" | "discharged";
  consent: boolean;
  hasEmail: boolean;
  /** A live (unrevoked, unexpired) patient link to a published plan; its reminders link through it. */
  liveLink: { issuedOn: string } | null;
};

export type ReminderCheckIn = { sessionDate: string; morningAnswered: boolean };
export type SentReminder = { localDay: string; kind: ReminderKind };

export type DueDecision =
  | { due: true; kind: ReminderKind; localDay: string }
  | { due: false; reason: "disabled" | "discharged" | "no_consent" | "no_email" | "no_link" | "quiet_hours" | "already_today" | "nothing_due" };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isClockTime = (v: string) => HHMM.test(v);
const minutesOf = (hhmm: string) => {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
};

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight on the clinic's wall clock (DST-aware through Intl). */
export function localMinutes(at: Date, timeZone: string): number {
  let f = clockFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clockFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/** Inside quiet hours: [start, end) on the wall clock, crossing midnight when start > end. */
export function inQuietHours(at: Date, timeZone: string, s: Pick<ReminderSettings, "quietStart" | "quietEnd">): boolean {
  const start = minutesOf(s.quietStart);
  const end = minutesOf(s.quietEnd);
  if (start === end) return false;
  const m = localMinutes(at, timeZone);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/**
 * The reminder due now, or why none is. Order of the rules: the clinic's switch, the patient
 * (active, agreed, has an email and a live link), quiet hours (nothing is sent inside them: the
 * next tick after they end sends it), one a day (any kind), then what is due: the next-morning
 * answer for yesterday's session first, else silence for `silenceDays` days counted from the last
 * session, the last silence reminder, or the link's issue when there is neither.
 */
export function dueReminder(input: {
  now: Date;
  timeZone: string;
  settings: ReminderSettings;
  patient: ReminderPatient;
  checkIns: readonly ReminderCheckIn[];
  sent: readonly SentReminder[];
}): DueDecision {
  const { now, timeZone, settings, patient } = input;
  if (!settings.enabled) return { due: false, reason: "disabled" };
  if (patient.status !== "active") return { due: false, reason: "discharged" };
  if (!patient.consent) return { due: false, reason: "no_consent" };
  if (!patient.hasEmail) return { due: false, reason: "no_email" };
  if (!patient.liveLink) return { due: false, reason: "no_link" };
  if (inQuietHours(now, timeZone, settings)) return { due: false, reason: "quiet_hours" };
  const today = dayIn(now, timeZone);
  if (input.sent.some((r) => r.localDay === today)) return { due: false, reason: "already_today" };

  if (input.checkIns.some((c) => !c.morningAnswered && daysBetween(c.sessionDate, today) === 1)) {
    return { due: true, kind: "next_morning", localDay: today };
  }
  const latest = (days: string[]) => days.filter((d) => d <= today).sort().at(-1) ?? null;
  const lastSession = latest(input.checkIns.map((c) => c.sessionDate));
  const lastSilence = latest(input.sent.filter((r) => r.kind === "silence").map((r) => r.localDay));
  const from = latest([lastSession, lastSilence, patient.liveLink.issuedOn].filter((d): d is string => d !== null));
  if (from && daysBetween(from, today) >= settings.silenceDays) return { due: true, kind: "silence", localDay: today };
  return { due: false, reason: "nothing_due" };
}
