// Writes docs/clinical-rules.md from the ruleset (npm run rules:doc). With --check, exits 1 when
// the committed document differs from what the code would generate, and writes nothing.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderRulesDoc, ruleset } from "../lib/clinical";

const RULES_DOC_PATH = fileURLToPath(new URL("../docs/clinical-rules.md", import.meta.url));

function main(argv: string[]): number {
  const expected = renderRulesDoc({ ruleset });
  if (argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(RULES_DOC_PATH, "utf8");
    } catch {
      // A missing file is simply out of date.
    }
    if (current !== expected) {
      process.stderr.write("docs/clinical-rules.md is out of date: run `npm run rules:doc`\n");
      return 1;
    }
    process.stdout.write("docs/clinical-rules.md is up to date\n");
    return 0;
  }
  mkdirSync(path.dirname(RULES_DOC_PATH), { recursive: true });
  writeFileSync(RULES_DOC_PATH, expected);
  process.stdout.write(`wrote ${path.relative(process.cwd(), RULES_DOC_PATH)} (${ruleset.length} rules)\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
