// Calendar-date arithmetic on ISO "YYYY-MM-DD" strings, with date-fns; no clock. Dates are local
// calendar days of the clinic: the helpers never look at a time of day, so a DST change (a 23- or
// 25-hour day) cannot shift a window.
import { addDays as addDaysFns, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string" || !ISO_DATE.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && format(d, "yyyy-MM-dd") === s;
}

export const addDays = (day: string, n: number): string => format(addDaysFns(parseISO(day), n), "yyyy-MM-dd");

/** Whole calendar days from `a` to `b` (b − a). */
export const daysBetween = (a: string, b: string): number => differenceInCalendarDays(parseISO(b), parseISO(a));

export const monthOf = (day: string): string => day.slice(0, 7);

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export const minDay = (a: string, b: string): string => (a <= b ? a : b);
export const maxDay = (a: string, b: string): string => (a >= b ? a : b);

/**
 * The clinic-local calendar date of an instant (a check-in at 23:30 in New York is that New York
 * day, though it is already the next day in UTC). Pure: the instant is input.
 */
export function localDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Distinct local dates of the given instants, sorted: however many check-ins a day holds, it counts once. */
export function distinctLocalDays(instants: readonly Date[], timeZone: string): string[] {
  return [...new Set(instants.map((at) => localDay(at, timeZone)))].sort();
}
