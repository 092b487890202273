import { describe, expect, it } from "vitest";
import { evaluateBatch, formatFieldErrors, unwrapCase } from "./batch";
import { cleanRunner } from "./test-fixtures";

describe("evaluateBatch", () => {
  it("single valid and invalid inputs", () => {
    const ok = evaluateBatch(cleanRunner());
    expect(ok.kind === "single" && ok.ok).toBe(true);
    const bad = evaluateBatch({ contractVersion: 1 });
    expect(bad.kind === "single" && !bad.ok && bad.errors.map((e) => e.path)).toEqual(["patient", "sport"]);
  });
  it("arrays keep order and put errors in place", () => {
    const r = evaluateBatch([cleanRunner(), 42, cleanRunner()]);
    expect(r.kind).toBe("array");
    if (r.kind !== "array") return;
    expect(r.invalid).toBe(1);
    expect("verdict" in r.items[0]!).toBe(true);
    expect("error" in r.items[1]!).toBe(true);
    expect("verdict" in r.items[2]!).toBe(true);
  });
  it("unwraps case-file entries only when asked", () => {
    const kase = { id: "x", title: "t", input: cleanRunner(), expect: {} };
    expect(unwrapCase(kase)).toEqual(cleanRunner());
    expect(unwrapCase(cleanRunner())).toEqual(cleanRunner());
    const strict = evaluateBatch([kase]);
    expect(strict.kind === "array" && strict.invalid).toBe(1);
    const loose = evaluateBatch([kase], { unwrapCases: true });
    expect(loose.kind === "array" && loose.invalid).toBe(0);
  });
  it("formats errors with index and path", () => {
    expect(formatFieldErrors([{ path: "patient.ageYears", message: "Too small" }], 3)).toEqual(["[3] patient.ageYears: Too small"]);
    expect(formatFieldErrors([{ path: "", message: "Expected object" }])).toEqual(["(root): Expected object"]);
  });
});
