import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A 256-bit random token for a link, and the only form of it the database keeps. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
