// The one clock the services read (ADR 0015). The engine has no clock (`today` is an input);
// services take a `Clock` whose default is the system's, so tests place sessions over weeks by
// passing a fixed clock. "Today" is always the clinic's calendar day, in the clinic's time zone.
// Pure (Intl only): safe in the browser and in tests.

export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (tests, and the e2e test clock). */
export const fixedClock = (at: Date | string): Clock => {
  const d = typeof at === "string" ? new Date(at) : at;
  return { now: () => new Date(d.getTime()) };
};

/** The time zone a clinic's "today" is read in when it has not chosen one (documented in the README). */
export const DEFAULT_TIME_ZONE = "Europe/London";

export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneOf = (tz: unknown): string => (isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today in the clinic's time zone, by the given clock. */
export const clinicToday = (clock: Clock, timeZone: string): string => dayIn(clock.now(), timeZone);

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the clinic reads it: its own calendar and wall clock, with the zone's short name
 * (e.g. "1 Dec 2026, 14:05 GMT"). Screens use this; exports keep UTC ISO times.
 */
export function formatClinicTime(at: Date, timeZone: string): string {
  let f = timeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZoneName: "short" });
    timeFormatters.set(timeZone, f);
  }
  return f.format(at);
}

const dayFormatter = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const shortDayFormatter = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });

/**
 * A calendar day (YYYY-MM-DD, already the clinic's day) as the screens show it: "3 Dec 2026".
 * Formatted at UTC midnight so no time zone can move it to the day before.
 */
export function formatDay(day: string, opts: { withYear?: boolean } = {}): string {
  return (opts.withYear === false ? shortDayFormatter : dayFormatter).format(new Date(`${day}T00:00:00Z`));
}
