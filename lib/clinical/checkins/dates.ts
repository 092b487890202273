// Calendar arithmetic on ISO `YYYY-MM-DD` dates, in whole days. The engine has no clock and no
// time zone: dates are already the clinic's local calendar days, so they are counted as UTC days.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) of a valid ISO date; undefined when it is not a real date. */
export function dayNumber(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / MS_PER_DAY;
}

/** Whole days from `from` to `to` (positive when `to` is later). Both must be valid ISO dates. */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === undefined || b === undefined) throw new Error(`not an ISO date: ${a === undefined ? from : to}`);
  return b - a;
}

/** The ISO date `days` after `iso` (negative for before). */
export function addDays(iso: string, days: number): string {
  const n = dayNumber(iso);
  if (n === undefined) throw new Error(`not an ISO date: ${iso}`);
  return new Date((n + days) * MS_PER_DAY).toISOString().slice(0, 10);
}
