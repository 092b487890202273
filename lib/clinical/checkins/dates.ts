// Calendar arithmetic on ISO `YYYY-MM-DD` dates, in whole days. The engine has no clock and no
// time zone: dates are already the clinic's local calendar days. Pure integer arithmetic on the
// proleptic Gregorian calendar (H. Hinnant's days_from_civil / civil_from_days), so no Date object
// is ever made here (scripts/clinical-purity.test.ts bans them under lib/clinical).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Day number (days since 1970-01-01) of a valid ISO date; undefined when it is not a real date. */
export function dayNumber(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const max = mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!;
  if (d > max) return undefined;
  return daysFromCivil(y, mo, d);
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
  const [y, m, d] = civilFromDays(n + days);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
