import { describe, expect, it } from "vitest";
import { stepValueSchemas } from "@/lib/validation/assessment";
import { LEFS_FIELDS, LEFS_ITEMS, LEFS_MIC, LEFS_OPTIONS, lefsChange, lefsFrom } from "./lefs";

const all = (score: number | ((i: number) => number)) =>
  Object.fromEntries(LEFS_FIELDS.map((f, i) => [f, typeof score === "number" ? score : score(i)]));

describe("LEFS (Binkley 1999)", () => {
  it("is the published instrument: 20 items rated 0-4, total 0-80", () => {
    expect(LEFS_ITEMS).toHaveLength(20);
    expect(LEFS_OPTIONS.map(([s]) => s)).toEqual([0, 1, 2, 3, 4]);
    expect(LEFS_ITEMS[0]).toMatch(/^Any of your usual work/);
    expect(LEFS_ITEMS[19]).toBe("Rolling over in bed.");
    expect(LEFS_MIC).toBe(9);
  });

  it("scores the sum of all 20 items", () => {
    expect(lefsFrom(all(0))).toEqual({ items: Array(20).fill(0), total: 0 });
    expect(lefsFrom(all(4))?.total).toBe(80);
    expect(lefsFrom(all((i) => i % 5))?.total).toBe(40);
  });

  it("does not score a partial or out-of-range scale", () => {
    const partial = all(3);
    delete partial.lefs7;
    expect(lefsFrom(partial)).toBeUndefined();
    expect(lefsFrom({ ...all(3), lefs2: 5 })).toBeUndefined();
    expect(lefsFrom({ ...all(3), lefs2: 2.5 })).toBeUndefined();
    expect(lefsFrom(undefined)).toBeUndefined();
  });

  it("change since the last assessment passes the MIC at 9 points either way", () => {
    expect(lefsChange(40, 49)).toMatchObject({ change: 9, meaningful: true });
    expect(lefsChange(40, 48)).toMatchObject({ change: 8, meaningful: false });
    expect(lefsChange(50, 41)).toMatchObject({ change: -9, meaningful: true });
    expect(lefsChange(undefined, 41)).toBeUndefined();
  });

  it("the outcomes schema parses form strings and refuses a started scale with gaps, item by item", () => {
    const strings = Object.fromEntries(LEFS_FIELDS.map((f) => [f, "3"]));
    const ok = stepValueSchemas.outcomes.safeParse(strings);
    expect(ok.success).toBe(true);
    expect(lefsFrom(ok.data as Record<string, unknown>)?.total).toBe(60);

    const gaps = stepValueSchemas.outcomes.safeParse({ lefs1: "3", lefs2: "9", lefs3: "x" });
    expect(gaps.success).toBe(false);
    const paths = new Set(gaps.error!.issues.map((i) => String(i.path[0])));
    expect(paths).toEqual(new Set(LEFS_FIELDS.filter((f) => f !== "lefs1")));
    expect(gaps.error!.issues.find((i) => i.path[0] === "lefs2")?.message).toBe("Rate activity 2 from 0 to 4");

    expect(stepValueSchemas.outcomes.safeParse({}).success).toBe(true);
  });
});
