import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import vignettes from "../lib/clinical/fixtures/checkin-vignettes.json";

// Spawns the real CLI (node + tsx), as `npm run --silent review-checkins -- FILE` does.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = path.join(ROOT, "scripts", "review-checkins.ts");
const FIXTURE = path.join(ROOT, "lib", "clinical", "fixtures", "checkin-vignettes.json");
const dir = mkdtempSync(path.join(tmpdir(), "loadwise-review-checkins-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Case = { id: string; input: Record<string, unknown>; expect: { suggestion?: string } };
const cases = (vignettes as { cases: Case[] }).cases;
const byId = (id: string) => cases.find((c) => c.id === id)!;

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function run(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: ROOT, input: stdin, encoding: "utf8", timeout: 170_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("scripts/review-checkins.ts", () => {
  it("reviews one input file and prints pretty JSON", () => {
    const r = run([write("one.json", byId("green-week-progress").input)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.suggestion).toBe("progress");
    expect(out.next).toEqual({ stageKey: "rebuild" });
    expect(out.rulesetVersion).toBeTruthy();
    expect(r.stdout).toContain('\n  "contractVersion": 1');
  });

  it("an array in gives an array out, in order", () => {
    const r = run([write("all.json", cases.map((c) => c.input))]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { suggestion: string }[]).map((x) => x.suggestion)).toEqual(cases.map((c) => c.expect.suggestion));
  });

  it("reads stdin with -", () => {
    const r = run(["-"], JSON.stringify(byId("urgent-saddle").input));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).suggestion).toBe("urgent_care");
  });

  it("invalid single input: exit 2, every error with its path on stderr, nothing on stdout", () => {
    const bad = structuredClone(byId("red-pain-during").input) as { stage: { key: string }; checkIns: { date: string; painDuringNrs: number }[] };
    bad.stage.key = "sprint";
    bad.checkIns[0]!.date = "2026-12-11";
    bad.checkIns[1]!.painDuringNrs = 11;
    const r = run([write("bad.json", bad)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    for (const p of ["stage.key", "checkIns.0.date", "checkIns.1.painDuringNrs"]) expect(r.stderr).toContain(p);
  });

  it("array with an invalid element: an error object in its place, the others reviewed, exit 2", () => {
    const r = run([write("mixed.json", [byId("green-week-progress").input, { contractVersion: 1 }, byId("amber-hold").input])]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(3);
    expect(out[0].suggestion).toBe("progress");
    expect(out[1].error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["today", "plan", "stage", "checkIns"]));
    expect(out[2].suggestion).toBe("hold");
    expect(r.stderr).toContain("[1] today");
  });

  it("bad JSON and unreadable files exit 2 with a message", () => {
    const bad = run([write("broken.json", "{ not json")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid JSON/);
    const missing = run([path.join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  });

  it("accepts the case file itself, reviewing every case's input", () => {
    const r = run([FIXTURE]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { suggestion: string }[]).map((x) => x.suggestion)).toEqual(cases.map((c) => c.expect.suggestion));
  });

  it("no argument prints usage and exits 2", () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});
