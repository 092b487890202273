import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hasLinkKey, linkKeyFrom, openLinkToken, sealLinkToken, type LinkKeyring } from "./link-token-seal";

// The sealed token on its own, with explicit keys: what opens, and everything that must not.

const secret = () => randomBytes(32).toString("base64url");
const ring = (current = secret(), ...previous: string[]): LinkKeyring => ({ current: linkKeyFrom(current), previous: previous.map(linkKeyFrom) });
const token = () => randomBytes(16).toString("base64url");
const binding = () => ({ clinicId: randomUUID(), linkId: randomUUID() });

describe("sealing a patient link token", () => {
  it("opens to the same token for the same clinic and link", () => {
    const r = ring();
    const b = binding();
    const t = token();
    const sealed = sealLinkToken(t, b, r);
    expect(sealed.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(sealed.keyId).toBe(r.current.id);
    expect(sealed.ciphertext).toMatch(/^[A-Za-z0-9_-]{40,200}$/);
    expect(sealed.ciphertext).not.toContain(t);
    expect(openLinkToken(sealed, b, r)).toBe(t);
  });

  it("never seals the same token to the same bytes twice (a fresh IV each time)", () => {
    const r = ring();
    const b = binding();
    const t = token();
    expect(sealLinkToken(t, b, r).ciphertext).not.toBe(sealLinkToken(t, b, r).ciphertext);
  });

  it("does not open for another link, another clinic, or both swapped", () => {
    const r = ring();
    const b = binding();
    const sealed = sealLinkToken(token(), b, r);
    expect(openLinkToken(sealed, { ...b, linkId: randomUUID() }, r)).toBeNull();
    expect(openLinkToken(sealed, { ...b, clinicId: randomUUID() }, r)).toBeNull();
    expect(openLinkToken(sealed, { clinicId: b.linkId, linkId: b.clinicId }, r)).toBeNull();
  });

  it("does not open when altered, truncated or under another key", () => {
    const r = ring();
    const b = binding();
    const sealed = sealLinkToken(token(), b, r);
    const raw = Buffer.from(sealed.ciphertext, "base64url");
    for (const i of [0, 14, raw.length - 1]) {
      const bent = Buffer.from(raw);
      bent[i] = bent[i]! ^ 0x01;
      expect(openLinkToken({ ...sealed, ciphertext: bent.toString("base64url") }, b, r), `byte ${i}`).toBeNull();
    }
    expect(openLinkToken({ ...sealed, ciphertext: raw.subarray(0, 20).toString("base64url") }, b, r)).toBeNull();
    expect(openLinkToken({ ...sealed, ciphertext: "" }, b, r)).toBeNull();
    // Another server's key: its id is unknown here, and claiming this ring's id does not help.
    const other = ring();
    expect(openLinkToken(sealed, b, other)).toBeNull();
    expect(openLinkToken({ ...sealed, keyId: other.current.id }, b, other)).toBeNull();
  });

  it("after rotation, a previous key still opens and only the new key seals", () => {
    const old = secret();
    const before = ring(old);
    const b = binding();
    const t = token();
    const sealedBefore = sealLinkToken(t, b, before);
    const after = ring(secret(), old);
    expect(hasLinkKey(sealedBefore.keyId, after)).toBe(true);
    expect(openLinkToken(sealedBefore, b, after)).toBe(t);
    expect(sealLinkToken(t, b, after).keyId).toBe(after.current.id);
    expect(after.current.id).not.toBe(before.current.id);
    // Dropping the old key from the ring: it can no longer be shown (the link itself still works by its hash).
    const dropped = ring(secret());
    expect(hasLinkKey(sealedBefore.keyId, dropped)).toBe(false);
    expect(openLinkToken(sealedBefore, b, dropped)).toBeNull();
  });

  it("derives the same key and id from the same secret, on every server", () => {
    const s = secret();
    const a = linkKeyFrom(s);
    const b = linkKeyFrom(s);
    expect(a.id).toBe(b.id);
    expect(a.key.equals(b.key)).toBe(true);
    expect(a.key).toHaveLength(32);
    // The id is not a piece of the key.
    expect(a.key.toString("hex")).not.toContain(a.id);
  });
});
