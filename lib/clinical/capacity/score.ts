import type { CapacityResult, CapacityTestInput, Sport } from "../contract";
import type { EngineSettings } from "../settings";
import { catalogueEntry } from "./catalogue";

// Scores capacity tests: pairs left and right, sets the target, and computes the deficit and the
// limb symmetry index. LSI = weaker ÷ stronger × 100 (Grindem 2020 uses involved ÷ uninvolved; the
// engine does not know which side is involved, so it takes the weaker side, which is the cautious
// reading). When the same test and side appear twice, the best value counts (best of attempts).

export type ScoredCapacity = CapacityResult & {
  /** Highest pain reported during any attempt of this test (used by capacity.test_painful). */
  maxPainNrs?: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

type Group = { test: string; left?: number; right?: number; value?: number; maxPainNrs?: number };

function groupTests(tests: readonly CapacityTestInput[]): Group[] {
  const groups = new Map<string, Group>();
  for (const t of tests) {
    let g = groups.get(t.test);
    if (!g) {
      g = { test: t.test };
      groups.set(t.test, g);
    }
    const key = t.side ?? "value";
    const prev = g[key];
    g[key] = prev === undefined ? t.value : Math.max(prev, t.value);
    if (t.painNrs !== undefined) g.maxPainNrs = Math.max(g.maxPainNrs ?? 0, t.painNrs);
  }
  return [...groups.values()];
}

export function scoreCapacity(
  tests: readonly CapacityTestInput[] | undefined,
  sport: Sport,
  settings: Readonly<EngineSettings>,
): ScoredCapacity[] {
  if (!tests || tests.length === 0) return [];
  return groupTests(tests).map((g) => scoreGroup(g, sport, settings));
}

function scoreGroup(g: Group, sport: Sport, settings: Readonly<EngineSettings>): ScoredCapacity {
  const entry = catalogueEntry(g.test);
  const override = Object.hasOwn(settings.capacityTargetOverrides, g.test) ? settings.capacityTargetOverrides[g.test] : undefined;
  const absolute = override ?? entry?.target(sport, settings) ?? null;
  const sides = [g.left, g.right].filter((v): v is number => v !== undefined);
  const hasPair = g.left !== undefined && g.right !== undefined;

  let lsiPct: number | undefined;
  if (hasPair) {
    const weaker = Math.min(g.left!, g.right!);
    const stronger = Math.max(g.left!, g.right!);
    lsiPct = stronger === 0 ? 100 : round1((weaker / stronger) * 100);
  }

  const measured = [...sides, ...(g.value !== undefined ? [g.value] : [])];
  const weakest = Math.min(...measured);

  let target: number;
  let targetKind: CapacityResult["targetKind"];
  if (absolute !== null) {
    target = absolute;
    targetKind = "absolute";
  } else if (hasPair) {
    // Symmetry-only test: what the weaker side needs to reach the LSI bar.
    target = round1((Math.max(g.left!, g.right!) * settings.lsiMinPct) / 100);
    targetKind = "symmetry";
  } else {
    target = 0;
    targetKind = "none";
  }

  const deficitPct = target > 0 && weakest < target ? round1(((target - weakest) / target) * 100) : 0;
  const meetsAbsolute = measured.every((v) => v >= target);
  const meetsSymmetry = lsiPct === undefined || lsiPct >= settings.lsiMinPct;

  const result: ScoredCapacity = {
    test: g.test,
    target,
    unit: entry?.unit ?? "units",
    deficitPct,
    meetsTarget: meetsAbsolute && meetsSymmetry,
    targetKind,
  };
  if (g.left !== undefined) result.left = g.left;
  if (g.right !== undefined) result.right = g.right;
  if (g.value !== undefined) result.value = g.value;
  if (lsiPct !== undefined) result.lsiPct = lsiPct;
  if (g.maxPainNrs !== undefined) result.maxPainNrs = g.maxPainNrs;
  return result;
}

/** Strip engine-internal fields before the result leaves the engine. */
export function toCapacityResult(s: ScoredCapacity): CapacityResult {
  const r: CapacityResult = { test: s.test, target: s.target, unit: s.unit, meetsTarget: s.meetsTarget };
  if (s.left !== undefined) r.left = s.left;
  if (s.right !== undefined) r.right = s.right;
  if (s.value !== undefined) r.value = s.value;
  if (s.deficitPct !== undefined) r.deficitPct = s.deficitPct;
  if (s.lsiPct !== undefined) r.lsiPct = s.lsiPct;
  if (s.targetKind !== undefined) r.targetKind = s.targetKind;
  return r;
}

/**
 * Whether a change between two measurements of the same test is larger than the test's
 * measurement error (calf raise: ±6 reps, Hébert-Losier 2017). A smaller change is not a real
 * change, in either direction. Tests without a published error count any non-zero change.
 */
export function isRealChange(test: string, before: number, after: number): boolean {
  const error = catalogueEntry(test)?.measurementError;
  const diff = Math.abs(after - before);
  return error === undefined ? diff > 0 : diff >= error;
}
