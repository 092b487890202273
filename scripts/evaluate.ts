// Command line for the clinical engine: a thin adapter over lib/clinical's evaluateBatch.
//   npm run --silent evaluate -- FILE.json     (or "-" for stdin)
// FILE holds one AssessmentInput or an array of them. Case files ({ id, title, input, expect }
// entries, e.g. lib/clinical/fixtures/vignettes.json) are accepted too: each case's input is evaluated. Prints the evaluation JSON (2-space indent);
// an array gives an array in the same order. Exit 2 on unreadable input, bad JSON, or any invalid
// input; every validation error is printed to stderr with its field path.
import { readFileSync } from "node:fs";
import { evaluateBatch, formatFieldErrors } from "../lib/clinical";

function readInput(arg: string): string {
  return arg === "-" ? readFileSync(0, "utf8") : readFileSync(arg, "utf8");
}

function main(argv: string[]): number {
  const arg = argv[0];
  if (!arg || argv.length > 1 || arg === "--help" || arg === "-h") {
    process.stderr.write("usage: npm run --silent evaluate -- FILE.json   (use - to read stdin)\n");
    return 2;
  }
  let text: string;
  try {
    text = readInput(arg);
  } catch (err) {
    process.stderr.write(`cannot read ${arg === "-" ? "stdin" : arg}: ${(err as Error).message}\n`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    process.stderr.write(`invalid JSON in ${arg === "-" ? "stdin" : arg}: ${(err as Error).message}\n`);
    return 2;
  }

  const result = evaluateBatch(raw, { unwrapCases: true });
  if (result.kind === "single") {
    if (!result.ok) {
      process.stderr.write(`invalid input:\n${formatFieldErrors(result.errors).map((l) => `  ${l}`).join("\n")}\n`);
      return 2;
    }
    process.stdout.write(`${JSON.stringify(result.evaluation, null, 2)}\n`);
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
