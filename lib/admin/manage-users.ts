import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { sessions, users, type User } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { newLinkToken } from "@/lib/auth/tokens";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { issuePasswordLink, voidPasswordLinks } from "./issue-password-link";

// Account administration for one clinic. Every function takes the admin's Actor and touches only
// rows of the admin's clinic; a user id from another clinic is "not found".

export async function listClinicUsers(db: Db, actor: Actor) {
  const open = sql<number>`(select count(*)::int from ${sessions} s where s.clinic_id = ${users.clinicId} and s.user_id = ${users.id}
    and s.revoked_at is null and s.expires_at > now())`;
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      version: users.version,
      lockedUntil: users.lockedUntil,
      openSessions: open,
    })
    .from(users)
    .where(eq(users.clinicId, actor.clinicId))
    .orderBy(asc(users.name));
}

async function lockUser(tx: Tx, actor: Actor, userId: string, version: number): Promise<User> {
  const [u] = await tx.select().from(users).where(and(eq(users.clinicId, actor.clinicId), eq(users.id, userId))).for("update");
  if (!u) throw new AppError("not_found", "user", "User not found");
  if (u.version !== version) throw new AppError("conflict", "user", "This account changed since you loaded the page. Reload and try again.");
  return u;
}

/** An admin may not remove the last active admin, themselves included: the clinic would be locked out. */
async function assertAnotherAdmin(tx: Tx, actor: Actor, exceptUserId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.clinicId, actor.clinicId), eq(users.role, "admin"), eq(users.active, true), ne(users.id, exceptUserId)));
  if ((row?.n ?? 0) === 0) throw new AppError("conflict", "user", "The clinic needs at least one active admin.");
}

const bump = { version: sql`${users.version} + 1`, updatedAt: sql`now()` };

export async function inviteUser(db: Db, actor: Actor, input: { name: string; email: string; role: "admin" | "clinician" }) {
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.clinicId, actor.clinicId), sql`lower(${users.email}) = ${input.email.toLowerCase()}`));
    if (clash) throw new AppError("conflict", "user", "Someone in this clinic already uses that email.", { email: ["Already in use in this clinic"] });
    // Unusable until the invite is accepted: a hash of a random secret nobody knows.
    const [user] = await tx
      .insert(users)
      .values({ clinicId: actor.clinicId, name: input.name, email: input.email, role: input.role, passwordHash: await hashPassword(newLinkToken().token) })
      .returning();
    const link = await issuePasswordLink(tx, { clinicId: actor.clinicId, userId: user!.id, createdBy: actor.userId }, "invite");
    await recordAuditEvent(tx, { ...actorAudit(actor), action: "user.invite", entityType: "user", entityId: user!.id, detail: { role: input.role } });
    return { user: user!, link };
  });
}

export async function changeUserRole(db: Db, actor: Actor, input: { userId: string; version: number; role: "admin" | "clinician" }) {
  return db.transaction(async (tx) => {
    const u = await lockUser(tx, actor, input.userId, input.version);
    if (u.role === input.role) return u;
    if (u.role === "admin") await assertAnotherAdmin(tx, actor, u.id);
    const [row] = await tx.update(users).set({ role: input.role, ...bump }).where(and(eq(users.clinicId, actor.clinicId), eq(users.id, u.id))).returning();
    await recordAuditEvent(tx, { ...actorAudit(actor), action: "user.role_change", entityType: "user", entityId: u.id, detail: { from: u.role, to: input.role } });
    return row!;
  });
}

/**
 * Deactivating ends every open session and voids every unused invite or reset link at once, so
 * nothing the user holds can bring the account back; only this function, called by an admin,
 * reactivates it (audited as `user.reactivate`).
 */
export async function setUserActive(db: Db, actor: Actor, input: { userId: string; version: number; active: boolean }) {
  return db.transaction(async (tx) => {
    const u = await lockUser(tx, actor, input.userId, input.version);
    if (!input.active && u.role === "admin") await assertAnotherAdmin(tx, actor, u.id);
    const [row] = await tx
      .update(users)
      .set({ active: input.active, ...bump })
      .where(and(eq(users.clinicId, actor.clinicId), eq(users.id, u.id)))
      .returning();
    const ref = { clinicId: actor.clinicId, userId: u.id };
    const ended = input.active ? 0 : await revokeUserSessions(tx, ref);
    const linksVoided = input.active ? 0 : await voidPasswordLinks(tx, ref);
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: input.active ? "user.reactivate" : "user.deactivate",
      entityType: "user",
      entityId: u.id,
      detail: input.active ? {} : { sessionsEnded: ended, linksVoided },
    });
    return row!;
  });
}

export async function endUserSessions(db: Db, actor: Actor, input: { userId: string; version: number }) {
  return db.transaction(async (tx) => {
    const u = await lockUser(tx, actor, input.userId, input.version);
    const ended = await revokeUserSessions(tx, { clinicId: actor.clinicId, userId: u.id });
    await recordAuditEvent(tx, { ...actorAudit(actor), action: "user.end_sessions", entityType: "user", entityId: u.id, detail: { sessionsEnded: ended } });
    return ended;
  });
}

/** A reset link replaces the password only when used; it ends open sessions now. */
export async function resetUserPassword(db: Db, actor: Actor, input: { userId: string; version: number }) {
  return db.transaction(async (tx) => {
    const u = await lockUser(tx, actor, input.userId, input.version);
    // A link never reactivates an account (it would let a removed user back in): reactivate first.
    if (!u.active) throw new AppError("conflict", "user", "This account is deactivated. Reactivate it first, then send a reset link.");
    const link = await issuePasswordLink(tx, { clinicId: actor.clinicId, userId: u.id, createdBy: actor.userId }, "reset");
    await revokeUserSessions(tx, { clinicId: actor.clinicId, userId: u.id });
    await tx.update(users).set(bump).where(and(eq(users.clinicId, actor.clinicId), eq(users.id, u.id)));
    await recordAuditEvent(tx, { ...actorAudit(actor), action: "user.password_reset_issued", entityType: "user", entityId: u.id });
    return link;
  });
}
