import { describe, expect, it } from "vitest";
import { resolveClientAddress, trustedHopsFromEnv } from "./client-address.mjs";

describe("resolveClientAddress", () => {
  it("with no trusted proxy, is the socket's peer whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:127.0.0.1", ["9.9.9.9, 8.8.8.8"], 0)).toBe("127.0.0.1");
    expect(resolveClientAddress(undefined, "1.2.3.4", 0)).toBeNull();
  });

  it("with one trusted proxy, is the right-most forwarded entry (what our proxy saw), never a spoofed left one", () => {
    // The client sent "6.6.6.6"; our proxy appended the real address it saw.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("with two trusted proxies, skips both", () => {
    expect(resolveClientAddress("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("with fewer forwarded entries than trusted hops, falls back to the furthest one known", () => {
    expect(resolveClientAddress("10.0.0.2", "", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
  });

  it("reads TRUSTED_PROXY_HOPS strictly", () => {
    expect(trustedHopsFromEnv({})).toBe(0);
    expect(trustedHopsFromEnv({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(() => trustedHopsFromEnv({ TRUSTED_PROXY_HOPS: "yes" })).toThrow(/whole number/);
    expect(() => trustedHopsFromEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/whole number/);
  });
});
