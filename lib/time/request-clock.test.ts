import { afterEach, describe, expect, it } from "vitest";
import { clockForRequest, TEST_CLOCK_ENV, TEST_CLOCK_HEADER } from "./request-clock";

const at = (v: string) => clockForRequest(new Headers({ [TEST_CLOCK_HEADER]: v })).now().toISOString();

describe("the request clock", () => {
  afterEach(() => {
    delete process.env[TEST_CLOCK_ENV];
  });

  it("follows the test clock header only when the test clock is on", () => {
    expect(at("2026-12-09T10:00:00Z")).not.toBe("2026-12-09T10:00:00.000Z");
    process.env[TEST_CLOCK_ENV] = "1";
    expect(at("2026-12-09T10:00:00Z")).toBe("2026-12-09T10:00:00.000Z");
  });

  // Found by the fuzz (tests/integration/fuzz-routes.test.ts): year 0 reached the calendar code,
  // which formats days as yyyy-mm-dd, and the patient's PDF failed.
  it("ignores an instant without a four-digit year, as it ignores one that is not a date", () => {
    process.env[TEST_CLOCK_ENV] = "1";
    const before = Date.now();
    for (const v of ["0000-01-01T00:00:00Z", "+010000-01-01T00:00:00Z", "not a date"]) expect(Date.parse(at(v))).toBeGreaterThanOrEqual(before);
  });
});
