import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// lib/clinical is a pure library: only zod and relative imports (conventions.md, rule 1).
const DIR = fileURLToPath(new URL("../lib/clinical", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("lib/clinical purity", () => {
  it("imports only zod, fast-check/vitest in tests, JSON fixtures and relative modules; no clock", () => {
    const bad: string[] = [];
    for (const f of files(DIR)) {
      const src = readFileSync(f, "utf8");
      const isTest = f.endsWith(".test.ts");
      for (const m of src.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']/g)) {
        const spec = m[1] ?? m[2]!;
        const ok = spec.startsWith(".") || spec === "zod" || (isTest && (spec === "vitest" || spec === "fast-check"));
        if (!ok) bad.push(`${path.relative(DIR, f)}: ${spec}`);
      }
      if (!isTest && /Date\.now\(|new Date\(|Math\.random\(/.test(src)) bad.push(`${path.relative(DIR, f)}: clock or randomness`);
    }
    expect(bad).toEqual([]);
  });
});

// lib/rtm (the RTM worksheet) is pure too: zod, date-fns and relative imports; no clock.
const RTM_DIR = fileURLToPath(new URL("../lib/rtm", import.meta.url));
describe("lib/rtm purity", () => {
  it("imports only zod, date-fns, fast-check/vitest in tests and relative modules; no clock", () => {
    const bad: string[] = [];
    for (const f of files(RTM_DIR)) {
      const src = readFileSync(f, "utf8");
      const isTest = f.endsWith(".test.ts");
      for (const m of src.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']/g)) {
        const spec = m[1] ?? m[2]!;
        const ok = spec.startsWith(".") || spec === "zod" || spec === "date-fns" || (isTest && (spec === "vitest" || spec === "fast-check"));
        if (!ok) bad.push(`${path.relative(RTM_DIR, f)}: ${spec}`);
      }
      if (!isTest && /Date\.now\(|new Date\(|Math\.random\(/.test(src)) bad.push(`${path.relative(RTM_DIR, f)}: clock or randomness`);
    }
    expect(bad).toEqual([]);
  });
});
