// Command line for the check-in review: a thin adapter over lib/clinical's reviewBatch.
//   npm run --silent review-checkins -- FILE.json     (or "-" for stdin)
// FILE holds one CheckInReviewInput or an array of them; a case file (checkin-vignettes.json, or
// its { id, input, expect } entries) reviews each case's input. Prints the review JSON (2-space
// indent); an array gives an array in the same order, an invalid element becoming
// { "error": { "issues": [...] } } in its place. Exit 2 on unreadable input, bad JSON or any
// invalid input; every validation error is printed to stderr with its field path.
import { readFileSync } from "node:fs";
import { formatFieldErrors, reviewBatch } from "../lib/clinical";

function main(argv: string[]): number {
  const arg = argv[0];
  if (!arg || argv.length > 1 || arg === "--help" || arg === "-h") {
    process.stderr.write("usage: npm run --silent review-checkins -- FILE.json   (use - to read stdin)\n");
    return 2;
  }
  const name = arg === "-" ? "stdin" : arg;
  let text: string;
  try {
    text = readFileSync(arg === "-" ? 0 : arg, "utf8");
  } catch (err) {
    process.stderr.write(`cannot read ${name}: ${(err as Error).message}\n`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    process.stderr.write(`invalid JSON in ${name}: ${(err as Error).message}\n`);
    return 2;
  }

  const result = reviewBatch(raw, { unwrapCases: true });
  if (result.kind === "single") {
    if (!result.ok) {
      process.stderr.write(`invalid input:\n${formatFieldErrors(result.errors).map((l) => `  ${l}`).join("\n")}\n`);
      return 2;
    }
    process.stdout.write(`${JSON.stringify(result.review, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`${JSON.stringify(result.items, null, 2)}\n`);
  if (result.invalid > 0) {
    const lines = result.items.flatMap((item, i) => ("error" in item ? formatFieldErrors(item.error.issues, i) : []));
    process.stderr.write(`${result.invalid} invalid input(s):\n${lines.map((l) => `  ${l}`).join("\n")}\n`);
    return 2;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
