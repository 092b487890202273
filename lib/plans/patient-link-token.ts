import "server-only";
import { randomBytes } from "node:crypto";
import { hashLinkToken } from "@/lib/auth/tokens";

/** A 128-bit random token for the patient's link (22 URL-safe characters), and its hash. */
export function newPatientLinkToken(): { token: string; hash: string } {
  const token = randomBytes(16).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

/** Only well-formed tokens reach the database; anything else is simply not found. */
export const isPatientLinkToken = (t: string) => /^[A-Za-z0-9_-]{22}$/.test(t);

export const patientLinkPath = (token: string) => `/p/${token}`;
