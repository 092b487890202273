import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { passwordTokens } from "@/db/schema";
import { newLinkToken } from "@/lib/auth/tokens";

export const LINK_HOURS = { invite: 72, reset: 24 } as const;

/**
 * A one-time set-password link for a user. Any earlier unused link of the user is voided, so
 * only the newest link works. Returns the path to show the admin once; it is not stored.
 */
/** Voids every unused link of a user: a newer link replaces them, a deactivation ends them all. */
export async function voidPasswordLinks(tx: DbOrTx, ref: { clinicId: string; userId: string }, now = new Date()) {
  const voided = await tx
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.clinicId, ref.clinicId), eq(passwordTokens.userId, ref.userId), isNull(passwordTokens.usedAt)))
    .returning({ id: passwordTokens.id });
  return voided.length;
}

export async function issuePasswordLink(
  tx: DbOrTx,
  ref: { clinicId: string; userId: string; createdBy: string },
  purpose: "invite" | "reset",
  now = new Date(),
) {
  await voidPasswordLinks(tx, ref, now);
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + LINK_HOURS[purpose] * 3_600_000);
  await tx.insert(passwordTokens).values({ clinicId: ref.clinicId, userId: ref.userId, purpose, tokenHash: hash, expiresAt, createdBy: ref.createdBy });
  return { path: `/set-password/${token}`, expiresAt };
}
