import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// Which secret seals patient links (ADR 0021): read from the environment once, like env() itself.
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function fresh(vars: Record<string, string | undefined>) {
  process.env = { ...saved, PGLITE_DIR: path.join(mkdtempSync(path.join(tmpdir(), "lw-linkkey-")), "pglite"), DATABASE_URL: undefined, ...vars };
  for (const [k, v] of Object.entries(process.env)) if (v === undefined) delete process.env[k];
  delete (globalThis as { __loadwiseLinkKeyring?: unknown }).__loadwiseLinkKeyring;
  vi.resetModules();
  return import("./link-token-seal");
}

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);

describe("the link keyring", () => {
  it("with nothing set on the embedded database, comes from the generated AUTH_SECRET: a fresh clone needs no setup", async () => {
    const seal = await fresh({ AUTH_SECRET: undefined, LINK_ENCRYPTION_KEY: undefined, LINK_ENCRYPTION_KEY_PREVIOUS: undefined });
    const { env } = await import("@/lib/env");
    expect(seal.linkKeyring().current.id).toBe(seal.linkKeyFrom(env().AUTH_SECRET).id);
    expect(seal.linkKeyring().previous).toEqual([]);
  });

  it("LINK_ENCRYPTION_KEY seals instead of AUTH_SECRET; previous keys only open", async () => {
    const seal = await fresh({ AUTH_SECRET: A, LINK_ENCRYPTION_KEY: B, LINK_ENCRYPTION_KEY_PREVIOUS: ` ${A} , ${C},` });
    const ring = seal.linkKeyring();
    expect(ring.current.id).toBe(seal.linkKeyFrom(B).id);
    expect(ring.previous.map((k) => k.id)).toEqual([seal.linkKeyFrom(A).id, seal.linkKeyFrom(C).id]);
    const b = { clinicId: "c1", linkId: "l1" };
    // A link sealed under AUTH_SECRET before the dedicated key was set still opens.
    const old = seal.sealLinkToken("AbCdEfGhIjKlMnOpQrStUv", b, { current: seal.linkKeyFrom(A), previous: [] });
    expect(seal.openLinkToken(old, b)).toBe("AbCdEfGhIjKlMnOpQrStUv");
    expect(seal.sealLinkToken("AbCdEfGhIjKlMnOpQrStUv", b).keyId).toBe(ring.current.id);
  });

  it("refuses a short link key at start-up, as it refuses a short AUTH_SECRET", async () => {
    await fresh({ AUTH_SECRET: A, LINK_ENCRYPTION_KEY: "short" });
    const { env } = await import("@/lib/env");
    expect(() => env()).toThrow(/LINK_ENCRYPTION_KEY must be at least 32 characters/);
    await fresh({ AUTH_SECRET: A, LINK_ENCRYPTION_KEY_PREVIOUS: `${B},short` });
    const again = await import("@/lib/env");
    expect(() => again.env()).toThrow(/LINK_ENCRYPTION_KEY_PREVIOUS/);
  });
});
