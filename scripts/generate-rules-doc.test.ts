import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderRulesDoc, ruleset, RULESET_VERSION } from "../lib/clinical";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DOC = path.join(ROOT, "docs", "clinical-rules.md");

describe("docs/clinical-rules.md", () => {
  it("matches what the ruleset generates (run `npm run rules:doc` after changing rules)", () => {
    expect(readFileSync(DOC, "utf8")).toBe(renderRulesDoc({ ruleset }));
  });

  it("names every rule id, the version, every C1..P9 rule and the catalogue", () => {
    const doc = renderRulesDoc({ ruleset });
    expect(doc).toContain(RULESET_VERSION);
    for (const r of ruleset) expect(doc).toContain(`\`${r.id}\``);
    for (const ref of ["C1", "A1", "L1", "L2", "R1", "F1", "F5", "B3", "S5", "P1", "P9"]) expect(doc).toMatch(new RegExp(`\\| ${ref} \\|`));
    expect(doc).toContain("single_leg_hop_distance");
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "generate-rules-doc.ts"), ...args], { cwd: ROOT, encoding: "utf8" });

  it("--check exits 0 when up to date", () => {
    const r = run("--check");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/up to date/);
  });

  it("--check exits 1 on a stale or missing document and writes nothing; a plain run repairs it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rules-doc-"));
    try {
      const stale = path.join(dir, "clinical-rules.md");
      // One rule's line edited by hand, as a stale copy would differ.
      const edited = readFileSync(DOC, "utf8").replace(`\`${ruleset[0]!.id}\``, "`renamed.rule`");
      writeFileSync(stale, edited);
      const r = run("--check", "--file", stale);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/out of date: run `npm run rules:doc`/);
      expect(readFileSync(stale, "utf8")).toBe(edited);

      expect(run("--check", "--file", path.join(dir, "missing.md")).status).toBe(1);

      expect(run("--file", stale).status).toBe(0);
      expect(readFileSync(stale, "utf8")).toBe(renderRulesDoc({ ruleset }));
      expect(run("--check", "--file", stale).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
