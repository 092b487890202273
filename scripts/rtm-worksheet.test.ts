import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { rtmWorksheet } from "../lib/rtm";

// Spawns the real CLI (node + tsx), as `npm run --silent rtm-worksheet -- FILE` does.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = path.join(ROOT, "scripts", "rtm-worksheet.ts");
const dir = mkdtempSync(path.join(tmpdir(), "loadwise-rtm-worksheet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = {
  contractVersion: 1 as const,
  today: "2026-04-05",
  episode: { startedOn: "2026-03-01", setupEducationOn: "2026-03-01" },
  dataDays: Array.from({ length: 16 }, (_, i) => `2026-03-${String(i + 2).padStart(2, "0")}`),
  timeLog: [{ date: "2026-03-10", minutes: 25, interactive: true, by: "pt" as const }],
};

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}
function run(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: ROOT, input: stdin, encoding: "utf8", timeout: 170_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("scripts/rtm-worksheet.ts", () => {
  it("one input: the same worksheet as the pure function", () => {
    const r = run([write("one.json", input)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual(rtmWorksheet(input));
    expect(out.windows[0].supplyCode).toBe("98977");
    expect(out.setup).toEqual({ code: "98975", supportedOn: "2026-03-03" });
    expect(out.months[0].codes).toEqual([{ code: "98980", units: 1 }]);
  });

  it("array in, array out, from stdin with -", () => {
    const r = run(["-"], JSON.stringify([input, { ...input, dataDays: [] }]));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { windows: { supplyCode: string | null }[] }[];
    expect(out.map((o) => o.windows[0]!.supplyCode)).toEqual(["98977", null]);
  });

  it("invalid input exits 2 with every error and its path", () => {
    const bad = { ...input, today: "2026-02-30", episode: { startedOn: "2026-03-01", endedOn: "2026-02-01" }, timeLog: [{ date: "2026-03-10", minutes: 241, interactive: true, by: "pt" }] };
    const r = run([write("bad.json", [input, bad])]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out[0].windows).toBeDefined();
    expect(out[1].error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["episode.endedOn", "timeLog.0.minutes", "today"]);
    expect(r.stderr).toContain("[1] today");
    expect(r.stderr).toContain("[1] timeLog.0.minutes");
    expect(r.stderr).toContain("[1] episode.endedOn");
    const single = run([write("bad1.json", { contractVersion: 1 })]);
    expect(single.code).toBe(2);
    expect(single.stdout).toBe("");
    expect(single.stderr).toContain("episode");
  });

  it("bad JSON and a missing file exit 2", () => {
    expect(run([write("broken.json", "{")]).code).toBe(2);
    expect(run([path.join(dir, "nope.json")]).stderr).toMatch(/cannot read/);
  });
});
