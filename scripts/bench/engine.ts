// Engine throughput: evaluates the vignette inputs round-robin for about 2.5 s on one core and
// reports evaluations per second. Inputs are parsed once up front; the hot loop calls `evaluate`
// on typed input, as the app does after validation.
import { assessmentInputSchema, evaluate, type AssessmentInput } from "../../lib/clinical";
import vignettes from "../../lib/clinical/fixtures/vignettes.json";
import { benchRecord, type BenchRecord } from "./report";

export type BenchResult = { name: string; evaluationsPerSecond: number; evaluations: number; seconds: number; meanMicroseconds: number; inputs: number; records: BenchRecord[] };

export async function benchEngine(durationMs = 2500): Promise<BenchResult> {
  const inputs: AssessmentInput[] = (vignettes as { input: unknown }[]).map((v) => assessmentInputSchema.parse(v.input));
  // Warm up so the JIT has compiled the hot paths before timing.
  for (let i = 0; i < 2000; i++) evaluate(inputs[i % inputs.length]!);

  let n = 0;
  let sink = 0;
  const start = performance.now();
  const end = start + durationMs;
  let now = start;
  while (now < end) {
    for (let k = 0; k < 200; k++) {
      sink += evaluate(inputs[n % inputs.length]!).reasons.length;
      n++;
    }
    now = performance.now();
  }
  const seconds = (now - start) / 1000;
  if (sink < 0) throw new Error("unreachable"); // keeps the result alive
  const evaluationsPerSecond = Math.round(n / seconds);
  return {
    name: "engine.evaluate (vignettes)",
    records: [
      benchRecord({
        bench: "engine",
        figure: `evaluate(): evaluations per second, one core (${inputs.length} vignettes round-robin, ${n} in ${seconds.toFixed(1)} s)`,
        value: evaluationsPerSecond,
        unit: "/s",
      }),
    ],
    evaluationsPerSecond,
    evaluations: n,
    seconds: Math.round(seconds * 100) / 100,
    meanMicroseconds: Math.round((seconds / n) * 1e6 * 100) / 100,
    inputs: inputs.length,
  };
}
