// Writes docs/clinical-rules.md from the ruleset (npm run rules:doc). With --check, exits 1 when
// the committed document differs from what the code would generate, and writes nothing.
// `--file <path>` points at another document (the test uses it to check a stale copy).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderRulesDoc, ruleset } from "../lib/clinical";

const DEFAULT_DOC_PATH = fileURLToPath(new URL("../docs/clinical-rules.md", import.meta.url));

function main(argv: string[]): number {
  const fileAt = argv.indexOf("--file");
  const RULES_DOC_PATH = fileAt >= 0 && argv[fileAt + 1] ? path.resolve(argv[fileAt + 1]!) : DEFAULT_DOC_PATH;
  const name = path.relative(process.cwd(), RULES_DOC_PATH);
  const expected = renderRulesDoc({ ruleset });
  if (argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(RULES_DOC_PATH, "utf8");
    } catch {
      // A missing file is simply out of date.
    }
    if (current !== expected) {
      process.stderr.write(`${name} is out of date: run \`npm run rules:doc\`\n`);
      return 1;
    }
    process.stdout.write(`${name} is up to date\n`);
    return 0;
  }
  mkdirSync(path.dirname(RULES_DOC_PATH), { recursive: true });
  writeFileSync(RULES_DOC_PATH, expected);
  process.stdout.write(`wrote ${name} (${ruleset.length} rules)\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
