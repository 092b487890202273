// Pure: the patient's usual week from their assessment (contract `load`: the average of the four
// weeks before), which a plan's percentages are shares of. A blank or zero answer is unknown:
// a share of nothing tells the patient nothing, so the page then keeps the percentage alone.

export type UsualWeek = {
  /** Running distance in a usual week, km (the assessment records kilometres). */
  runKm?: number;
  /** All training in a usual week, hours (running included). */
  hours?: number;
};

const known = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : undefined);

export function usualWeekOf(load: unknown): UsualWeek | null {
  if (!load || typeof load !== "object") return null;
  const l = load as { runKmPerWeekUsual?: unknown; hoursPerWeekUsual?: unknown };
  const runKm = known(l.runKmPerWeekUsual);
  const hours = known(l.hoursPerWeekUsual);
  if (runKm === undefined && hours === undefined) return null;
  return { ...(runKm !== undefined ? { runKm } : {}), ...(hours !== undefined ? { hours } : {}) };
}
