// Command line for the clinical engine: a thin adapter over lib/clinical's evaluateBatch.
//   npm run --silent evaluate -- FILE.json     (or "-" for stdin)
// FILE holds one AssessmentInput or an array of them. Case files ({ id, title, input, expect }
// entries, e.g. lib/clinical/fixtures/vignettes.json) are accepted too: each case's input is evaluated. Prints the evaluation JSON (2-space indent);
// an array gives an array in the same order. Exit 2 on unreadable input, bad JSON, or any invalid
// input; every validation error is printed to stderr with its field path.
import { evaluateBatch } from "../lib/clinical";
import { runBatchCli } from "./batch-cli";

process.exitCode = runBatchCli(process.argv.slice(2), "evaluate", (raw) => {
  const result = evaluateBatch(raw, { unwrapCases: true });
  if (result.kind !== "single") return { kind: "batch", items: result.items, invalid: result.invalid };
  return result.ok ? { kind: "single", ok: true, output: result.evaluation } : { kind: "single", ok: false, errors: result.errors };
});
