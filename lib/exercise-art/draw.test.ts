import { describe, expect, it } from "vitest";
import { capacityCatalogue } from "@/lib/clinical";
import { EXERCISE_LIBRARY } from "@/lib/plans/exercise-library";
import { drawExercise, mostMoved, type Primitive } from "./draw";
import { poseSkeletons, type Skeleton } from "./skeleton";
import { altTextFor, artForCapacityTest, artForExercise, CAPACITY_TEST_POSES, EXERCISE_POSES, poseForExercise } from "./index";
import type { Pose } from "./model";


// The renderer is checked by properties, not snapshots: every coordinate a finite number inside
// the viewBox, the same pose drawn twice gives the same primitives, the two pictures differ, and
// each drawing has an arrow.

/** Every number a primitive places on the page, with the room its stroke or radius takes. */
function extents(p: Primitive): { x: number; y: number; pad: number }[] {
  if (p.kind === "line")
    return [
      { x: p.x1, y: p.y1, pad: p.width / 2 },
      { x: p.x2, y: p.y2, pad: p.width / 2 },
    ];
  if (p.kind === "circle") return [{ x: p.cx, y: p.cy, pad: p.r + p.width / 2 }];
  const nums = p.d.match(/-?\d+(\.\d+)?(e-?\d+)?|NaN|Infinity/g) ?? [];
  const out: { x: number; y: number; pad: number }[] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push({ x: Number(nums[i]), y: Number(nums[i + 1]), pad: p.width / 2 });
  return out;
}

const all: [string, Pose][] = [...Object.entries(EXERCISE_POSES), ...Object.entries(CAPACITY_TEST_POSES)];
const len = (a: Skeleton, b: Skeleton, j: keyof Skeleton) => Math.hypot(a[j].x - b[j].x, a[j].y - b[j].y);

describe("coverage", () => {
  it("every library exercise has a pose", () => {
    expect(EXERCISE_LIBRARY.filter((e) => !poseForExercise(e.name)).map((e) => e.name)).toEqual([]);
    expect(EXERCISE_LIBRARY.length).toBe(38);
  });
  it("every capacity test the assessment explains has a pose", () => {
    expect(capacityCatalogue.filter((e) => !artForCapacityTest(e.test, e.label)).map((e) => e.test)).toEqual([]);
  });
  it("no pose is kept for an exercise the library no longer has", () => {
    const names = new Set(EXERCISE_LIBRARY.map((e) => e.name));
    expect(Object.keys(EXERCISE_POSES).filter((n) => !names.has(n))).toEqual([]);
    const tests = new Set(capacityCatalogue.map((e) => e.test));
    expect(Object.keys(CAPACITY_TEST_POSES).filter((t) => !tests.has(t))).toEqual([]);
  });
  it("finds a pose whatever the case and punctuation of the name, and none for an unknown exercise", () => {
    expect(poseForExercise("split SQUAT")).toBe(EXERCISE_POSES["Split squat"]);
    expect(poseForExercise("Step up")).toBe(EXERCISE_POSES["Step-up"]);
    expect(poseForExercise("Juggling on a unicycle")).toBeUndefined();
    expect(artForExercise("Juggling on a unicycle")).toBeNull();
    expect(artForCapacityTest("toString", "x")).toBeNull();
  });
});

describe.each(all)("drawing: %s", (_name, pose) => {
  const d = drawExercise(pose);

  it("has only finite coordinates, all inside the viewBox", () => {
    expect(d.viewBox).toBe(`0 0 ${d.width} ${d.height}`);
    expect(d.width).toBeGreaterThan(0);
    expect(d.height).toBeGreaterThan(0);
    const outside = d.primitives.flatMap((p) => extents(p)).filter((e) => !Number.isFinite(e.x) || !Number.isFinite(e.y) || e.x - e.pad < -0.2 || e.y - e.pad < -0.2 || e.x + e.pad > d.width + 0.2 || e.y + e.pad > d.height + 0.2);
    expect(outside).toEqual([]);
  });

  it("is deterministic: the same pose gives identical output", () => {
    expect(JSON.stringify(drawExercise(structuredClone(pose)))).toBe(JSON.stringify(d));
  });

  it("draws a start and an end that differ, and an arrow in the end picture", () => {
    if (pose.closeUp) expect(pose.end.arch).not.toBe(pose.start.arch);
    else {
      const { start, end } = poseSkeletons(pose);
      expect(len(start, end, mostMoved(start, end))).toBeGreaterThan(5);
    }
    const arrows = d.primitives.filter((p) => p.kind === "path" && p.role === "arrow");
    expect(arrows.length).toBeGreaterThanOrEqual(2); // a shaft and a head
    expect(arrows.every((a) => extents(a).every((e) => e.x > d.width / 2))).toBe(true);
  });

  it("is a line drawing in greys only (nothing told by colour)", () => {
    const tones = new Set(d.primitives.flatMap((p) => [p.tone, "fill" in p ? p.fill : null]).filter(Boolean));
    for (const t of tones) expect(["ink", "far", "equip", "fill", "paper", "rule"]).toContain(t);
  });
});

describe("alt text", () => {
  it("names the exercise and says the start, the end and the equipment in plain words", () => {
    const alt = altTextFor("Split squat", EXERCISE_POSES["Split squat"]!);
    expect(alt).toBe("Start and end position of the split squat: start standing tall in a long stride, one foot forward; end the back knee lowered toward the floor, the front knee over the foot.");
    expect(altTextFor("Step-up", EXERCISE_POSES["Step-up"]!)).toMatch(/ Uses a step\.$/);
    expect(altTextFor("Hip hinge with dowel", EXERCISE_POSES["Hip hinge with dowel"]!)).toMatch(/ Uses a dowel\.$/);
  });
  it("every drawing has alt text with its start and end", () => {
    for (const [name, pose] of all) {
      const alt = altTextFor(name, pose);
      expect(alt).toMatch(/position of the .+: start .+; end .+\./);
    }
  });
});

describe("purity", () => {
  it("does not touch its input", () => {
    const pose = EXERCISE_POSES["Goblet squat (light)"]!;
    const before = JSON.stringify(pose);
    drawExercise(pose);
    expect(JSON.stringify(pose)).toBe(before);
  });
  it("a pose with the same start and end is told apart from one that moves", () => {
    // The check above can fail: the same position twice moves no point at all.
    const same: Pose = { view: "side", start: { near: { hip: 20 } }, end: { near: { hip: 20 } }, startText: "a", endText: "b" };
    const { start, end } = poseSkeletons(same);
    expect(len(start, end, mostMoved(start, end))).toBe(0);
  });
});
