// Command line for the check-in review: a thin adapter over lib/clinical's reviewBatch.
//   npm run --silent review-checkins -- FILE.json     (or "-" for stdin)
// FILE holds one CheckInReviewInput or an array of them; a case file (checkin-vignettes.json, or
// its { id, input, expect } entries) reviews each case's input. Prints the review JSON (2-space
// indent); an array gives an array in the same order, an invalid element becoming
// { "error": { "issues": [...] } } in its place. Exit 2 on unreadable input, bad JSON or any
// invalid input; every validation error is printed to stderr with its field path.
import { reviewBatch } from "../lib/clinical";
import { runBatchCli } from "./batch-cli";

process.exitCode = runBatchCli(process.argv.slice(2), "review-checkins", (raw) => {
  const result = reviewBatch(raw, { unwrapCases: true });
  if (result.kind !== "single") return { kind: "batch", items: result.items, invalid: result.invalid };
  return result.ok ? { kind: "single", ok: true, output: result.review } : { kind: "single", ok: false, errors: result.errors };
});
