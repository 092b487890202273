import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { passwordTokens, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { hashLinkToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";

/**
 * Finds the live link for a token: unknown, used and expired links, and links of a deactivated
 * account, are all simply invalid. A link sets a password; it never reactivates an account.
 */
export async function findPasswordLink(db: DbOrTx, token: string, now = new Date()) {
  const [row] = await db
    .select({ link: passwordTokens, name: users.name, email: users.email })
    .from(passwordTokens)
    .innerJoin(users, and(eq(users.clinicId, passwordTokens.clinicId), eq(users.id, passwordTokens.userId)))
    .where(
      and(eq(passwordTokens.tokenHash, hashLinkToken(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now), eq(users.active, true)),
    )
    .limit(1);
  return row ?? null;
}

const DEAD_LINK = "This link has expired or was already used. Ask your clinic admin for a new one.";

export async function setPasswordWithLink(db: Db, input: { token: string; password: string }, meta: { ip: string | null; userAgent: string | null }) {
  // The token first (one indexed lookup): a stranger posting made-up tokens must not cost an
  // argon2 hash each. The claim inside the transaction is what makes the link single-use.
  if (!(await findPasswordLink(db, input.token))) throw new AppError("not_found", "password_link", DEAD_LINK);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const found = await findPasswordLink(tx, input.token);
    if (!found) throw new AppError("not_found", "password_link", DEAD_LINK);
    const { link } = found;
    // Claim the link first, so two simultaneous submissions cannot both use it.
    const claimed = await tx
      .update(passwordTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordTokens.clinicId, link.clinicId), eq(passwordTokens.id, link.id), isNull(passwordTokens.usedAt)))
      .returning({ id: passwordTokens.id });
    if (claimed.length === 0) throw new AppError("not_found", "password_link", "This link was already used.");
    // Deactivated since the lookup: refuse, and the rollback leaves the link as it was.
    const updated = await tx
      .update(users)
      .set({ passwordHash, failedLoginCount: 0, lockedUntil: null })
      .where(and(eq(users.clinicId, link.clinicId), eq(users.id, link.userId), eq(users.active, true)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError("not_found", "password_link", DEAD_LINK);
    await revokeUserSessions(tx, { clinicId: link.clinicId, userId: link.userId });
    await recordAuditEvent(tx, {
      clinicId: link.clinicId,
      actorUserId: link.userId,
      action: link.purpose === "invite" ? "user.invite_accepted" : "user.password_reset",
      entityType: "user",
      entityId: link.userId,
      ...meta,
    });
    return { email: found.email };
  });
}
