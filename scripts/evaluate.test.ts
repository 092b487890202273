import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import vignettes from "../lib/clinical/fixtures/vignettes.json";

// Spawns the real CLI (node + tsx), as `npm run --silent evaluate -- FILE` does.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = path.join(ROOT, "scripts", "evaluate.ts");
const dir = mkdtempSync(path.join(tmpdir(), "loadwise-evaluate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inputs = (vignettes as { id: string; input: unknown; expect: { verdict?: string } }[]);

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function run(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: ROOT, input: stdin, encoding: "utf8", timeout: 170_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("scripts/evaluate.ts", () => {
  it("evaluates one input file and prints pretty JSON", () => {
    const r = run([write("one.json", inputs[0]!.input)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.verdict).toBe("back_off");
    expect(out.rulesetVersion).toBeTruthy();
    expect(r.stdout).toContain('\n  "contractVersion": 1');
  });

  it("evaluates an array in order", () => {
    const r = run([write("all.json", inputs.map((v) => v.input))]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { verdict: string }[];
    expect(out.map((e) => e.verdict)).toEqual(inputs.map((v) => v.expect.verdict));
  });

  it("reads stdin with -", () => {
    const r = run(["-"], JSON.stringify(inputs[3]!.input));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toBe("urgent_referral");
  });

  it("invalid single input: exit 2, every error with its path on stderr, nothing on stdout", () => {
    const r = run([write("bad.json", { contractVersion: 1, patient: { ageYears: 5 }, sport: { primary: "running" }, capacityTests: [{ test: "x", value: -3 }] })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("patient.ageYears");
    expect(r.stderr).toContain("capacityTests.0.value");
  });

  it("array with invalid elements: errors in place, valid ones evaluated, exit 2", () => {
    const r = run([write("mixed.json", [inputs[0]!.input, { contractVersion: 1 }, inputs[8]!.input])]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(3);
    expect(out[0].verdict).toBe("back_off");
    expect(out[1].error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["patient", "sport"]));
    expect(out[2].verdict).toBe("push");
    expect(r.stderr).toContain("[1] patient");
  });

  it("bad JSON and unreadable files exit 2 with a message", () => {
    const bad = run([write("broken.json", "{ not json")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid JSON/);
    const missing = run([path.join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  });

  it("accepts a case file (vignettes.json) by evaluating each case's input", () => {
    const r = run([path.join(ROOT, "lib", "clinical", "fixtures", "vignettes.json")]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { verdict: string }[]).map((e) => e.verdict)).toEqual(inputs.map((v) => v.expect.verdict));
  });

  it("the plain-input fixture holds exactly the vignette inputs", () => {
    const plain = JSON.parse(readFileSync(path.join(ROOT, "lib", "clinical", "fixtures", "vignette-inputs.json"), "utf8"));
    expect(plain).toEqual(inputs.map((v) => v.input));
  });

  it("no argument prints usage and exits 2", () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});
