"use server";
import { getDb } from "@/db/client";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import { signOut } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/require-user";
import { revokeSession } from "@/lib/auth/sessions";

/** Ends the session row first: the cookie alone going away is not enough. */
export async function signOutAction() {
  const actor = await getActor();
  if (actor) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await revokeSession(tx, { clinicId: actor.clinicId, sessionId: actor.sessionId });
      await recordAuditEvent(tx, { ...actorAudit(actor), action: "auth.sign_out", entityType: "session", entityId: actor.sessionId });
    });
  }
  await signOut({ redirectTo: "/login" });
}
