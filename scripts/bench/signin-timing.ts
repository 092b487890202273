// Sign-in timing: an unknown email must cost what a known one does (one argon2 verification
// each), or response times tell a stranger which emails have accounts. Timed here, not in a test:
// a busy machine makes stopwatch tests fail (tests count the verifications instead).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { benchRecord } from "./report";

const root = path.resolve(import.meta.dirname, "../..");

export async function benchSignInTiming() {
  const r = spawnSync(process.execPath, [path.join(root, "scripts/run-ts.mjs"), path.join(root, "scripts/bench/signin-timing-run.ts")], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`sign-in timing failed:\n${r.stderr}`);
  const { knownMs, unknownMs, samples } = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { knownMs: number; unknownMs: number; samples: number };
  const ratio = unknownMs / knownMs;
  return {
    name: "sign-in: unknown ÷ known email (median)",
    records: [
      benchRecord({
        bench: "signin",
        figure: `sign-in with an unknown email, median of ${samples}`,
        value: Math.round(unknownMs * 10) / 10,
        unit: "ms",
        baseline: { figure: "sign-in with a known email, wrong password", value: Math.round(knownMs * 10) / 10 },
        aim: { on: "ratio", min: 0.8, max: 1.25 },
      }),
    ],
    knownMs: Math.round(knownMs * 10) / 10,
    unknownMs: Math.round(unknownMs * 10) / 10,
    ratio: Math.round(ratio * 100) / 100,
    aim: "0.8–1.25",
    met: ratio >= 0.8 && ratio <= 1.25,
    samples,
  };
}
