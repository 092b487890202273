import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// env() reads process.env once per process; each case loads a fresh copy of the module.
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function freshEnv(vars: Record<string, string | undefined>) {
  process.env = { ...saved, PGLITE_DIR: path.join(mkdtempSync(path.join(tmpdir(), "lw-env-")), "pglite"), ...vars };
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  vi.resetModules();
  return import("./env");
}

describe("env", () => {
  it("requires APP_URL with DATABASE_URL, as it requires AUTH_SECRET", async () => {
    const { env, EnvError } = await freshEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db", AUTH_SECRET: "x".repeat(40), APP_URL: undefined });
    expect(() => env()).toThrow(EnvError);
    expect(() => env()).toThrow(/APP_URL is required when DATABASE_URL is set/);
  });

  it("starts with DATABASE_URL, AUTH_SECRET and APP_URL", async () => {
    const { env } = await freshEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db", AUTH_SECRET: "x".repeat(40), APP_URL: "https://loadwise.example.test" });
    expect(env().APP_URL).toBe("https://loadwise.example.test");
  });

  it("reads prepare=false on DATABASE_URL (a transaction pooler) and stops at a misspelt pooler option", async () => {
    const ok = await freshEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1:6432/db?prepare=false", AUTH_SECRET: "x".repeat(40), APP_URL: "https://loadwise.example.test" });
    expect(ok.env().DATABASE_URL).toContain("prepare=false");
    const bad = await freshEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1:6432/db?pgbouncer=true", AUTH_SECRET: "x".repeat(40), APP_URL: "https://loadwise.example.test" });
    expect(() => bad.env()).toThrow(bad.EnvError);
    expect(() => bad.env()).toThrow(/write \?prepare=false/);
  });

  it("on the embedded database, APP_URL may stay unset", async () => {
    const { env } = await freshEnv({ DATABASE_URL: undefined, APP_URL: undefined, AUTH_SECRET: undefined });
    expect(env().APP_URL).toBeUndefined();
  });
});

describe("the origin printed in patient links", () => {
  it("without APP_URL is the Host the request was sent to, never X-Forwarded-Host", async () => {
    await freshEnv({ DATABASE_URL: undefined, APP_URL: undefined, AUTH_SECRET: undefined });
    const { requestOrigin } = await import("./plans/request-origin");
    const h = new Headers({ host: "clinic.example.test", "x-forwarded-host": "evil.example.test", "x-forwarded-proto": "http" });
    expect(requestOrigin(h)).toBe("https://clinic.example.test");
    expect(requestOrigin(new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example.test" }))).toBe("http://127.0.0.1:3000");
  });

  it("with APP_URL is APP_URL whatever the headers say", async () => {
    await freshEnv({ DATABASE_URL: undefined, APP_URL: "https://loadwise.example.test", AUTH_SECRET: undefined });
    const { requestOrigin } = await import("./plans/request-origin");
    expect(requestOrigin(new Headers({ host: "evil.example.test", "x-forwarded-host": "evil.example.test" }))).toBe("https://loadwise.example.test");
  });
});
