import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { patchedFiles, patchPostgres, POSTGRES_PATCH_MARK } from "./patch-postgres.mjs";

// The postinstall patch for postgres.js (scripts/patch-postgres.mjs): without it a backend killed
// mid-transaction crashes the app server and poisons the pool slot. Its behaviour is tested against
// PostgreSQL in tests/integration/connection-kill.test.ts; this checks every build of the driver
// carries it, so a skipped postinstall fails the ordinary test run.
describe("postgres.js dead-socket patch", () => {
  it("is applied to every build of the driver (ESM, CommonJS, workerd) and applying it again changes nothing", () => {
    expect(patchPostgres().patched).toEqual([]);
    for (const file of patchedFiles) {
      const text = readFileSync(file, "utf8");
      expect(text, file).toContain(POSTGRES_PATCH_MARK);
      expect(text.match(/chunk = nextWriteTimer = null/g), file).toHaveLength(4);
      expect(text, file).toContain("if (socket === null) {");
    }
  });
});
