import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// The patient link's token, kept encrypted so the clinic can hand the same live link again
// (ADR 0021). AES-256-GCM with a key derived by HKDF from a server secret; the additional data
// binds a ciphertext to its clinic and link, so a row copied to another link or clinic does not
// open. Lookups never come here: they go by the token's SHA-256, as before (ADR 0009).

const SALT = "loadwise";
const KEY_INFO = "loadwise plan-link token v1";
const ID_INFO = "loadwise plan-link key-id v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type LinkKey = { id: string; key: Buffer };
/** The key that seals new links first, then earlier keys that may still open old ones. */
export type LinkKeyring = { current: LinkKey; previous: LinkKey[] };
export type SealedLinkToken = { ciphertext: string; keyId: string };
export type LinkBinding = { clinicId: string; linkId: string };

/**
 * A key and its id from a secret. The id (8 hex characters, from its own HKDF output) is stored
 * with each ciphertext so the right key is tried, and says nothing about the key itself.
 */
export function linkKeyFrom(secret: string): LinkKey {
  const ikm = Buffer.from(secret, "utf8");
  const key = Buffer.from(hkdfSync("sha256", ikm, SALT, KEY_INFO, 32));
  const id = Buffer.from(hkdfSync("sha256", ikm, SALT, ID_INFO, 4)).toString("hex");
  return { id, key };
}

const g = globalThis as unknown as { __loadwiseLinkKeyring?: { from: object; ring: LinkKeyring } };

/** LINK_ENCRYPTION_KEY (or, unset, AUTH_SECRET) seals; LINK_ENCRYPTION_KEY_PREVIOUS only opens. */
export function linkKeyring(): LinkKeyring {
  const e = env();
  // env() is read once per process, so the ring derived from it is too.
  if (g.__loadwiseLinkKeyring?.from !== e) {
    const previous = e.LINK_ENCRYPTION_KEY_PREVIOUS ?? [];
    g.__loadwiseLinkKeyring = { from: e, ring: { current: linkKeyFrom(e.LINK_ENCRYPTION_KEY ?? e.AUTH_SECRET), previous: previous.map(linkKeyFrom) } };
  }
  return g.__loadwiseLinkKeyring.ring;
}

const aadOf = (b: LinkBinding) => Buffer.from(`plan_link:v1:${b.clinicId}:${b.linkId}`, "utf8");

export function sealLinkToken(token: string, binding: LinkBinding, ring: LinkKeyring = linkKeyring()): SealedLinkToken {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadOf(binding));
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url"), keyId: ring.current.id };
}

/** Whether this server holds the key a ciphertext was sealed with (checked without decrypting). */
export function hasLinkKey(keyId: string, ring: LinkKeyring = linkKeyring()): boolean {
  return ring.current.id === keyId || ring.previous.some((k) => k.id === keyId);
}

/**
 * The token, or null when it cannot be opened: an unknown key, a ciphertext altered or copied
 * from another link or clinic (the GCM tag fails). Never throws on bad data.
 */
export function openLinkToken(sealed: SealedLinkToken, binding: LinkBinding, ring: LinkKeyring = linkKeyring()): string | null {
  const key = [ring.current, ...ring.previous].find((k) => k.id === sealed.keyId);
  if (!key) return null;
  const raw = Buffer.from(sealed.ciphertext, "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aadOf(binding));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
