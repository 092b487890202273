// Distances in the clinic's unit (clinic setting `units`). Plans store kilometres; pages, the
// editor and the PDF show km or miles. Pure: used by the editor in the browser too.

export type DistanceUnit = "km" | "mi";

const KM_PER_MILE = 1.609344;

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
