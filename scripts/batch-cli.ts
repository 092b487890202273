// The shared shape of the engine's command lines (evaluate, review-checkins): read FILE or stdin,
// parse JSON, run one input or an array, print JSON (2-space indent), exit 2 on unreadable input,
// bad JSON or any invalid input with every validation error and its path on stderr.
import { readFileSync } from "node:fs";
import { formatFieldErrors } from "../lib/clinical";

type Issues = Parameters<typeof formatFieldErrors>[0];
export type BatchOutcome =
  | { kind: "single"; ok: true; output: unknown }
  | { kind: "single"; ok: false; errors: Issues }
  | { kind: "batch"; items: unknown[]; invalid: number };

export function runBatchCli(argv: string[], script: string, run: (raw: unknown) => BatchOutcome): number {
  const arg = argv[0];
  if (!arg || argv.length > 1 || arg === "--help" || arg === "-h") {
    process.stderr.write(`usage: npm run --silent ${script} -- FILE.json   (use - to read stdin)\n`);
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

  const result = run(raw);
  if (result.kind === "single") {
    if (!result.ok) {
      process.stderr.write(`invalid input:\n${formatFieldErrors(result.errors).map((l) => `  ${l}`).join("\n")}\n`);
      return 2;
    }
    process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`${JSON.stringify(result.items, null, 2)}\n`);
  if (result.invalid > 0) {
    const lines = result.items.flatMap((item, i) =>
      item && typeof item === "object" && "error" in item ? formatFieldErrors((item as { error: { issues: Issues } }).error.issues, i) : [],
    );
    process.stderr.write(`${result.invalid} invalid input(s):\n${lines.map((l) => `  ${l}`).join("\n")}\n`);
    return 2;
  }
  return 0;
}
