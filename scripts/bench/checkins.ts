// Check-in review throughput: reviews the check-in vignette inputs round-robin for about 2.5 s on
// one core, and reports reviews per second beside assessment evaluations per second measured in
// the same run (the machine is shared: compare the ratio, not absolute figures across runs).
import { checkInReviewInputSchema, reviewCheckIns, type CheckInReviewInput } from "../../lib/clinical";
import vignettes from "../../lib/clinical/fixtures/checkin-vignettes.json";
import { benchEngine } from "./engine";
import { benchRecord, type BenchRecord } from "./report";

export type CheckInBenchResult = {
  name: string;
  reviewsPerSecond: number;
  reviews: number;
  seconds: number;
  meanMicroseconds: number;
  inputs: number;
  evaluationsPerSecond: number;
  reviewsPerEvaluation: number;
  records: BenchRecord[];
};

export async function benchCheckIns(durationMs = 2500): Promise<CheckInBenchResult> {
  const inputs: CheckInReviewInput[] = (vignettes as { cases: { input: unknown }[] }).cases.map((c) => checkInReviewInputSchema.parse(c.input));
  for (let i = 0; i < 5000; i++) reviewCheckIns(inputs[i % inputs.length]!);

  let n = 0;
  let sink = 0;
  const start = performance.now();
  const end = start + durationMs;
  let now = start;
  while (now < end) {
    for (let k = 0; k < 500; k++) {
      sink += reviewCheckIns(inputs[n % inputs.length]!).reasons.length;
      n++;
    }
    now = performance.now();
  }
  const seconds = (now - start) / 1000;
  if (sink < 0) throw new Error("unreachable"); // keeps the result alive
  const engine = await benchEngine(durationMs);
  const reviewsPerSecond = Math.round(n / seconds);
  return {
    name: "checkins.reviewCheckIns (vignettes)",
    // The baseline is the engine's assessment evaluation timed in the same run on the same core.
    records: [
      benchRecord({
        bench: "checkins",
        figure: `reviewCheckIns(): reviews per second, one core (${inputs.length} vignettes)`,
        value: reviewsPerSecond,
        unit: "/s",
        baseline: { figure: "evaluate() on the assessment vignettes", value: engine.evaluationsPerSecond },
      }),
    ],
    reviewsPerSecond,
    reviews: n,
    seconds: Math.round(seconds * 100) / 100,
    meanMicroseconds: Math.round((seconds / n) * 1e6 * 100) / 100,
    inputs: inputs.length,
    evaluationsPerSecond: engine.evaluationsPerSecond,
    reviewsPerEvaluation: Math.round((reviewsPerSecond / engine.evaluationsPerSecond) * 100) / 100,
  };
}
