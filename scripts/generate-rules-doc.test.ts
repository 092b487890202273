import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
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

  it("--check exits 0 when up to date", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "generate-rules-doc.ts"), "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
  });
});
