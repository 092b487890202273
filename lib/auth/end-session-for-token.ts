import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { revokeSession } from "./sessions";

const tokenRef = z.object({ sid: z.uuid(), clinicId: z.uuid(), sub: z.uuid().optional() });

/**
 * Auth.js's own sign-out (POST /api/auth/signout) only clears the cookie; a copied token would
 * still name a live session row. This ends that row too, and audits it once: when the app's
 * sign-out button already ended it, there is nothing left to do.
 */
export async function endSessionForToken(
  db: DbOrTx,
  token: unknown,
  meta: { ip: string | null; userAgent: string | null },
): Promise<boolean> {
  const ref = tokenRef.safeParse(token);
  if (!ref.success) return false;
  const ended = await revokeSession(db, { clinicId: ref.data.clinicId, sessionId: ref.data.sid });
  if (ended) {
    await recordAuditEvent(db, {
      clinicId: ref.data.clinicId,
      actorUserId: ref.data.sub ?? null,
      action: "auth.sign_out",
      entityType: "session",
      entityId: ref.data.sid,
      ...meta,
    });
  }
  return ended;
}
