import { capacityCatalogue, testLabel, type Evaluation } from "@/lib/clinical";
import type { AssessmentSnapshotInput } from "./build-input";

// Pure: the patient page's progress charts from the final assessments (their latest amended
// snapshot), oldest first.

export type SnapshotPoint = { date: string; input: AssessmentSnapshotInput; evaluation: Evaluation };
export type PainPoint = { date: string; painNow?: number; painWorst24h?: number; painDuringActivity?: number; psfs?: number };
/** LEFS totals (0-80) of the assessments that recorded one. */
export type LefsPoint = { date: string; total: number };
export type CapacitySeries = { test: string; label: string; unit: string; target?: number; points: { date: string; left?: number; right?: number; value?: number }[] };

export function chartData(snapshots: readonly SnapshotPoint[]) {
  const pain: PainPoint[] = snapshots.map((s) => ({
    date: s.date,
    painNow: s.input.symptoms?.painNowNrs,
    painWorst24h: s.input.symptoms?.painWorst24hNrs,
    painDuringActivity: s.input.symptoms?.painDuringActivityNrs,
    psfs: s.input.psfs?.mean,
  }));
  const lefs: LefsPoint[] = snapshots.flatMap((s) => (s.input.lefs ? [{ date: s.date, total: s.input.lefs.total }] : []));
  const byTest = new Map<string, CapacitySeries>();
  for (const s of snapshots) {
    for (const c of s.evaluation.capacity) {
      let series = byTest.get(c.test);
      if (!series) {
        series = { test: c.test, label: testLabel(c.test), unit: c.unit, points: [] };
        byTest.set(c.test, series);
      }
      // The latest absolute target is the line to reach; symmetry-only tests have none.
      if (c.targetKind === "absolute") series.target = c.target;
      series.points.push({ date: s.date, left: c.left, right: c.right, value: c.value });
    }
  }
  const order = new Map(capacityCatalogue.map((e, i) => [e.test, i]));
  const capacity = [...byTest.values()].sort((a, b) => (order.get(a.test) ?? 99) - (order.get(b.test) ?? 99));
  return { pain, lefs, capacity };
}
