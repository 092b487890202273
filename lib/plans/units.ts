import { formatDuration, type Locale } from "date-fns";
import { enGB } from "date-fns/locale/en-GB";

// Distances in the clinic's unit (clinic setting `units`). Plans store kilometres; pages, the
// editor and the PDF show km or miles. Pure: used by the editor in the browser too.

export type DistanceUnit = "km" | "mi";

const KM_PER_MILE = 1.609344;

/** The app's dates are British English ("14 May 2026"); numbers and units follow. */
const LOCALE = "en-GB";

export const unitOf = (u: unknown): DistanceUnit => (u === "mi" ? "mi" : "km");

/** Kilometres in the display unit, to one decimal. */
export function kmToDisplay(km: number, unit: DistanceUnit): number {
  const v = unit === "mi" ? km / KM_PER_MILE : km;
  return Math.round(v * 10) / 10;
}

export function displayToKm(value: number, unit: DistanceUnit): number {
  return unit === "mi" ? Math.round(value * KM_PER_MILE * 10) / 10 : Math.round(value * 10) / 10;
}

export function formatDistance(km: number, unit: DistanceUnit): string {
  return `${kmToDisplay(km, unit)} ${unit}`;
}

// ---- Amounts a patient aims for ---------------------------------------------------------------
// A share of the usual week is a target to aim at, not a measurement: whole kilometres or miles
// (half steps under 5, so a small week does not round to nothing), minutes in fives.

const roundDistance = (v: number) => (v < 5 ? Math.round(v * 2) / 2 : Math.round(v));

/**
 * A weekly distance range in the clinic's unit, e.g. "30–48 km" or "19–30 mi"; one number when
 * both ends round alike, "up to 20 km" when the low end is nothing. Intl writes the unit and dash.
 */
export function formatDistanceRange(minKm: number, maxKm: number, unit: DistanceUnit): string {
  const toUnit = (km: number) => roundDistance(unit === "mi" ? km / KM_PER_MILE : km);
  const lo = toUnit(minKm);
  const hi = toUnit(maxKm);
  const nf = new Intl.NumberFormat(LOCALE, { style: "unit", unit: unit === "mi" ? "mile" : "kilometer", unitDisplay: "short", maximumFractionDigits: 1 });
  if (lo === hi) return nf.format(hi);
  if (lo === 0) return `up to ${nf.format(hi)}`;
  return nf.formatRange(lo, hi);
}

// date-fns puts the parts together and drops a zero part ("5 h", not "5 h 0 min"); the locale
// only names the units, short as on the rest of the page ("20-40 min").
const shortTime: Locale = {
  ...enGB,
  formatDistance: (token, count, options) =>
    token === "xHours" ? `${count} h` : token === "xMinutes" ? `${count} min` : enGB.formatDistance(token, count, options),
};

/** Minutes to the nearest 5 (at least 5 when there is any time at all). */
const roundMinutes = (m: number) => (m <= 0 ? 0 : Math.max(5, Math.round(m / 5) * 5));

const durationText = (minutes: number) =>
  formatDuration({ hours: Math.floor(minutes / 60), minutes: minutes % 60 }, { locale: shortTime, format: ["hours", "minutes"] });

/** A weekly time range, e.g. "3 h 30 min to 5 h 35 min"; one value when both ends round alike. */
export function formatDurationRange(minMinutes: number, maxMinutes: number): string {
  const lo = roundMinutes(minMinutes);
  const hi = roundMinutes(maxMinutes);
  if (hi === 0) return "0 min";
  if (lo === hi) return durationText(hi);
  if (lo === 0) return `up to ${durationText(hi)}`;
  return `${durationText(lo)} to ${durationText(hi)}`;
}
