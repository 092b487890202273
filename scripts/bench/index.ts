// Runs every benchmark module in turn and prints a table plus one JSON line per run.
// Add a bench by appending to `benches`: { name, run } where run resolves to a record with a `name`.
// An `optIn` bench (the minutes-long soak, which needs PostgreSQL) runs only when named.
import { benchCaseload } from "./caseload";
import { benchCheckIns } from "./checkins";
import { benchEngine } from "./engine";
import { benchReviews } from "./reviews";
import { benchSignInTiming } from "./signin-timing";

type BenchRecord = { name: string } & Record<string, unknown>;
type Bench = { name: string; run: () => Promise<BenchRecord[]>; optIn?: true };

export const benches: Bench[] = [
  { name: "engine", run: async () => [await benchEngine()] },
  { name: "checkins", run: async () => [await benchCheckIns()] },
  { name: "signin", run: async () => [await benchSignInTiming()] },
  { name: "caseload", run: () => benchCaseload() },
  { name: "reviews", run: () => benchReviews() },
  { name: "pdf", run: async () => (await import("./pdf")).benchPdf() },
  { name: "pdf-pictures", run: async () => (await import("./pdf-pictures")).benchPdfPictures() },
  { name: "soak", run: async () => (await import("./soak")).benchSoak(), optIn: true },
];

function table(rows: BenchRecord[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = [keys, ...rows.map((r) => keys.map((k) => (r[k] === undefined ? "" : String(r[k]))))];
  const widths = keys.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length ? benches.filter((b) => only.includes(b.name)) : benches.filter((b) => !b.optIn);
  const results: BenchRecord[] = [];
  for (const b of selected) {
    process.stderr.write(`running ${b.name}…\n`);
    results.push(...(await b.run()));
  }
  process.stdout.write(`${table(results)}\n`);
  process.stdout.write(`${JSON.stringify({ bench: results, node: process.version, at: new Date().toISOString() })}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
