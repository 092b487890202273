// Runs every benchmark module in turn, prints one table (figure, value, aim, baseline from the same
// run, ratio, met) and writes the same records as JSON (BENCH_RESULTS, default bench-results.json
// at the project root; the path is printed). `npm run bench -- <name> [<name>…]` runs only those.
// Add a bench by appending to `benches`: { name, run } where run resolves to BenchRecord[]
// (scripts/bench/report.ts). An `optIn` bench (the minutes-long soak, which needs PostgreSQL)
// runs only when named. Exit code: 1 when a bench throws or a gate (client weight) is missed.
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { benchCaseload } from "./caseload";
import { benchCheckIns } from "./checkins";
import { benchEngine } from "./engine";
import { formatTable, fromLegacy, missedAims, missedGates, type BenchRecord } from "./report";
import { benchSignInTiming } from "./signin-timing";

type Bench = { name: string; run: () => Promise<BenchRecord[]>; optIn?: true };

export const benches: Bench[] = [
  { name: "engine", run: async () => (await benchEngine()).records },
  { name: "checkins", run: async () => (await benchCheckIns()).records },
  { name: "signin", run: async () => (await benchSignInTiming()).records },
  { name: "weight", run: async () => (await import("./client-weight")).benchClientWeight() },
  { name: "caseload", run: () => benchCaseload() },
  { name: "pages", run: async () => (await import("./pages")).benchPages() },
  { name: "pdf", run: async () => fromLegacy("pdf", await (await import("./pdf")).benchPdf()) },
  { name: "pdf-pictures", run: async () => fromLegacy("pdf-pictures", await (await import("./pdf-pictures")).benchPdfPictures()) },
  { name: "soak", run: async () => fromLegacy("soak", await (await import("./soak")).benchSoak()), optIn: true },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !benches.some((b) => b.name === n));
  if (unknown.length) throw new Error(`no bench named ${unknown.join(", ")} (there are: ${benches.map((b) => b.name).join(", ")})`);
  const selected = only.length ? benches.filter((b) => only.includes(b.name)) : benches.filter((b) => !b.optIn);
  const results: BenchRecord[] = [];
  const at = new Date().toISOString();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  for (const b of selected) {
    process.stderr.write(`running ${b.name}…\n`);
    results.push(...(await b.run()));
  }
  const file = path.resolve(process.env.BENCH_RESULTS ?? path.join(import.meta.dirname, "../../bench-results.json"));
  writeFileSync(file, `${JSON.stringify({ at, machine, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10), records: results }, null, 2)}\n`);
  process.stdout.write(`${formatTable(results)}\n\n`);
  const missed = missedAims(results);
  process.stdout.write(`${results.length} figures, ${results.filter((r) => r.met !== null).length} with an aim, ${missed.length} missed. Machine: ${machine}; load average ${loadavg()[0]!.toFixed(1)}.\n`);
  process.stdout.write(`JSON: ${file}\n`);
  const gates = missedGates(results);
  if (gates.length) {
    process.stderr.write(`\nFAILED: ${gates.map((g) => `${g.figure} is ${g.value} ${g.unit}, over its aim ${g.aim}`).join("; ")}\n`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
