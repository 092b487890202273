import { describe, expect, it } from "vitest";
import { installLogRedaction, redact } from "./log-redaction";

describe("log redaction", () => {
  it("removes query parameters from messages, stacks and causes", () => {
    const cause = new Error("Failed query: select * from patients where last_name = $1\nparams: Lindqvist");
    const err = new Error("outer", { cause });
    const out = redact(err) as Error;
    expect(String((out.cause as Error).message)).toBe("Failed query: select * from patients where last_name = $1\nparams: [redacted]");
    expect(JSON.stringify(out.stack)).not.toContain("Lindqvist");
  });

  it("applies to everything written through the console", () => {
    const lines: unknown[][] = [];
    const fake = { error: (...a: unknown[]) => lines.push(a), warn: (...a: unknown[]) => lines.push(a), log: (...a: unknown[]) => lines.push(a) };
    installLogRedaction(fake);
    fake.error("x params: Ada Lovelace, 1815-12-10");
    expect(lines[0]).toEqual(["x params: [redacted]"]);
  });
});
