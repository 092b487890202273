import { describe, expect, it } from "vitest";
import { benchRecord, formatTable, fromLegacy, missedAims, missedGates } from "./report";

describe("bench records", () => {
  it("judges an aim on the value", () => {
    const ok = benchRecord({ bench: "pages", figure: "p95", value: 100, unit: "ms", aim: { on: "value", max: 100 } });
    const over = benchRecord({ bench: "pages", figure: "p95", value: 101, unit: "ms", aim: { on: "value", max: 100 } });
    expect([ok.met, ok.aim, ok.ratio]).toEqual([true, "≤ 100 ms", null]);
    expect(over.met).toBe(false);
  });

  it("computes the ratio to the baseline from the same run and judges an aim on it", () => {
    const r = benchRecord({ bench: "pages", figure: "req/s", value: 12, unit: "req/s", baseline: { figure: "minimal page", value: 30 }, aim: { on: "ratio", min: 0.5 } });
    expect([r.ratio, r.met, r.aim, r.baselineValue]).toEqual([0.4, false, "≥ 0.5 × baseline", 30]);
    expect(benchRecord({ bench: "x", figure: "y", value: 5, unit: "", baseline: { figure: "z", value: 0 }, aim: { on: "ratio", min: 0.5 } }).met).toBe(false);
    expect(() => benchRecord({ bench: "x", figure: "y", value: 1, unit: "", aim: { on: "ratio", min: 1 } })).toThrow(/needs a baseline/);
  });

  it("leaves a figure without an aim unjudged, and fails only gates", () => {
    const info = benchRecord({ bench: "engine", figure: "evals", value: 1, unit: "/s" });
    const slow = benchRecord({ bench: "pages", figure: "p95", value: 900, unit: "ms", aim: { on: "value", max: 100 } });
    const heavy = benchRecord({ bench: "weight", figure: "JS", value: 151, unit: "KB", aim: { on: "value", max: 150 }, gate: true });
    expect(info.met).toBeNull();
    expect(missedAims([info, slow, heavy])).toEqual([slow, heavy]);
    expect(missedGates([info, slow, heavy])).toEqual([heavy]);
  });

  it("prints every column, NO for a missed aim", () => {
    const t = formatTable([benchRecord({ bench: "pages", figure: "Needs review p95", value: 900, unit: "ms", aim: { on: "value", max: 100 } })]);
    expect(t.split("\n")[0]).toMatch(/^bench\s+figure\s+value\s+aim\s+baseline \(same run\)\s+ratio\s+met$/);
    expect(t).toContain("900 ms");
    expect(t).toMatch(/NO$/m);
  });

  it("shows free-form rows as figures for information", () => {
    const rows = fromLegacy("pdf", [{ name: "render", p50ms: 237, note: "5 pages" }]);
    expect(rows).toEqual([expect.objectContaining({ bench: "pdf", figure: "render: p50ms", value: 237, unit: "ms", met: null, note: "note: 5 pages" })]);
  });
});
