import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { UserRole } from "@/db/schema";
import type { Actor } from "./actor";
import { auth, sessionPolicy } from "./auth";
import { requestMeta } from "./request-meta";
import { validateSession } from "./sessions";

/**
 * The signed-in caller, or null. The JWT only names a session; the database decides whether it
 * is alive and re-reads the user's role and clinic (ADR 0003). Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { clinicId?: string; sid?: string } | null;
  if (!session?.sid || !session.clinicId) return null;
  const db = await getDb();
  const live = await validateSession(db, { clinicId: session.clinicId, sessionId: session.sid }, sessionPolicy());
  if (!live) return null;
  const meta = requestMeta(await headers());
  return {
    clinicId: live.user.clinicId,
    userId: live.user.id,
    role: live.user.role,
    name: live.user.name,
    email: live.user.email,
    sessionId: live.sessionId,
    ...meta,
  };
});

/** For pages: a signed-out or expired caller goes to sign-in. */
export async function requireUser(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For pages: the wrong role gets a 403 page. */
export async function requireRole(...roles: UserRole[]): Promise<Actor> {
  const actor = await requireUser();
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}
