import { describe, expect, it } from "vitest";
import { removeExerciseMediaSchema, saveExerciseMediaSchema } from "./exercise-media";

const ok = (o: Record<string, string>) => saveExerciseMediaSchema.safeParse({ exerciseName: "Split squat", ...o });

describe("saveExerciseMediaSchema", () => {
  it("takes a library exercise, an optional version, alt text and an https video link", () => {
    const r = ok({ version: "", alt: "  Lunge from the side ", videoUrl: " https://www.youtube.com/watch?v=abc " });
    expect(r.success && r.data).toEqual({ exerciseName: "Split squat", version: null, alt: "Lunge from the side", videoUrl: "https://www.youtube.com/watch?v=abc" });
    const r2 = ok({ version: "3", videoUrl: "" });
    expect(r2.success && r2.data.version).toBe(3);
    expect(r2.success && r2.data.videoUrl).toBeNull();
  });
  it("refuses a name outside the library and a bad version", () => {
    expect(saveExerciseMediaSchema.safeParse({ exerciseName: "Made-up move" }).success).toBe(false);
    expect(ok({ version: "1.5" }).success).toBe(false);
    expect(ok({ version: "-1" }).success).toBe(false);
  });
  it("refuses video links that are not https, or carry credentials or spaces", () => {
    for (const v of ["http://example.com/v", "javascript:alert(1)", "https://localhost/v", "https://user:pw@example.com/v", "https://exa mple.com/v", "ftp://example.com", `https://example.com/${"a".repeat(500)}`]) {
      const r = ok({ videoUrl: v });
      expect(r.success, v).toBe(false);
      if (!r.success) expect(r.error.issues[0]!.path).toEqual(["videoUrl"]);
    }
  });
  it("refuses alt text over 200 characters", () => {
    expect(ok({ alt: "a".repeat(201) }).success).toBe(false);
  });
});

describe("removeExerciseMediaSchema", () => {
  it("needs the version shown", () => {
    expect(removeExerciseMediaSchema.safeParse({ exerciseName: "Split squat", version: "2" }).success).toBe(true);
    expect(removeExerciseMediaSchema.safeParse({ exerciseName: "Split squat", version: "" }).success).toBe(false);
  });
});
