// One shape for every bench figure (issue 16): what was measured, its value and unit, the aim, the
// baseline measured in the same run and the ratio to it, and whether the aim is met. Pure: the
// benches measure, this only assembles, judges and prints.

/**
 * An aim on the value itself (`on: "value"`, e.g. p95 ≤ 100 ms) or on the ratio to the baseline
 * (`on: "ratio"`, e.g. throughput ≥ 0.5 × the minimal page). `min`/`max` are inclusive.
 */
export type Aim = { on: "value" | "ratio"; min?: number; max?: number };

export type Baseline = { figure: string; value: number };

export type BenchRecord = {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  /** The aim in words ("≤ 100 ms", "≥ 0.5 × baseline"), or "" when the figure is for information. */
  aim: string;
  baseline: string;
  baselineValue: number | null;
  /** value ÷ baseline value, two decimals; null without a baseline. */
  ratio: number | null;
  /** true/false when there is an aim; null when the figure is for information only. */
  met: boolean | null;
  /** A gate: a missed aim makes `npm run bench` exit non-zero (client weight). Timing aims are not
   * gates: a busy machine moves them. */
  gate?: true;
  note?: string;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

function aimText(aim: Aim, unit: string): string {
  const suffix = aim.on === "ratio" ? " × baseline" : ` ${unit}`;
  if (aim.min !== undefined && aim.max !== undefined) return `${aim.min}–${aim.max}${suffix}`;
  if (aim.max !== undefined) return `≤ ${aim.max}${suffix}`;
  if (aim.min !== undefined) return `≥ ${aim.min}${suffix}`;
  return "";
}

function within(aim: Aim, x: number): boolean {
  if (!Number.isFinite(x)) return false;
  return (aim.min === undefined || x >= aim.min) && (aim.max === undefined || x <= aim.max);
}

export function benchRecord(input: { bench: string; figure: string; value: number; unit: string; aim?: Aim; baseline?: Baseline; gate?: true; note?: string }): BenchRecord {
  const { bench, figure, value, unit, aim, baseline, gate, note } = input;
  if (aim?.on === "ratio" && !baseline) throw new Error(`${figure}: an aim on the ratio needs a baseline`);
  const ratio = baseline ? (baseline.value === 0 ? NaN : round2(value / baseline.value)) : null;
  const met = aim ? within(aim, aim.on === "ratio" ? (ratio ?? NaN) : value) : null;
  return {
    bench,
    figure,
    value,
    unit,
    aim: aim ? aimText(aim, unit) : "",
    baseline: baseline?.figure ?? "",
    baselineValue: baseline?.value ?? null,
    ratio,
    met,
    ...(gate ? { gate } : {}),
    ...(note ? { note } : {}),
  };
}

const COLUMNS: Array<[string, (r: BenchRecord) => string]> = [
  ["bench", (r) => r.bench],
  ["figure", (r) => r.figure],
  ["value", (r) => `${r.value} ${r.unit}`],
  ["aim", (r) => r.aim],
  ["baseline (same run)", (r) => (r.baselineValue === null ? "" : `${r.baselineValue} ${r.unit}: ${r.baseline}`)],
  ["ratio", (r) => (r.ratio === null ? "" : String(r.ratio))],
  ["met", (r) => (r.met === null ? "" : r.met ? "yes" : "NO")],
];

export function formatTable(rows: BenchRecord[]): string {
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join("  ").trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.figure}: ${r.note}`);
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line), ...(notes.length ? ["", ...notes] : [])].join("\n");
}

/** The aims missed: an empty list when every aimed figure is met. */
export function missedAims(rows: BenchRecord[]): BenchRecord[] {
  return rows.filter((r) => r.met === false);
}

/** The gates missed: `npm run bench` fails when this is not empty. */
export function missedGates(rows: BenchRecord[]): BenchRecord[] {
  return rows.filter((r) => r.gate && r.met === false);
}

/** A unit read off a field name (p95ms → ms, rssMaxMB → MB, reqPerSec → req/s). */
function unitOfKey(key: string): string {
  if (/ms$/i.test(key)) return "ms";
  if (/MB$/.test(key)) return "MB";
  if (/KiB$|Kb$/i.test(key)) return "KiB";
  if (/PerSec$|PerSecond$/i.test(key)) return "/s";
  return "";
}

/**
 * A bench that still returns free-form rows ({ name, ...numbers }) shows each number as a figure for
 * information (no aim), so `npm run bench` keeps one format while it is brought over.
 */
export function fromLegacy(bench: string, rows: ReadonlyArray<{ name: string } & Record<string, unknown>>): BenchRecord[] {
  if (rows.every((r) => typeof r.figure === "string" && typeof r.value === "number")) return rows as unknown as BenchRecord[];
  return rows.flatMap((r) => {
    const numbers = Object.entries(r).filter((e): e is [string, number] => typeof e[1] === "number");
    const words = Object.entries(r)
      .filter(([k, v]) => k !== "name" && (typeof v === "string" || typeof v === "boolean"))
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join("; ");
    if (!numbers.length) return [benchRecord({ bench, figure: r.name, value: NaN, unit: "", note: words || undefined })];
    return numbers.map(([k, v], i) => benchRecord({ bench, figure: `${r.name}: ${k}`, value: v, unit: unitOfKey(k), note: i === 0 && words ? words : undefined }));
  });
}
