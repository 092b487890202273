import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { planLinks, type PlanRow } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { DEFAULT_LINK_DAYS, findPlan } from "./internal";
import { sealLinkToken } from "./link-token-seal";
import { newPatientLinkToken, patientLinkPath } from "./patient-link-token";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issues the plan's private link, revoking any earlier one (one live link per plan). Lookups go
 * by the token's hash; the token is also kept sealed to this clinic and link, so the clinic can
 * show the same link again (ADR 0021). The revoked link's sealed token is wiped with it.
 */
export async function issueLinkIn(tx: DbOrTx, actor: Actor, plan: PlanRow, days = DEFAULT_LINK_DAYS, now = new Date()) {
  const revoked = await tx
    .update(planLinks)
    .set({ revokedAt: now, revokedBy: actor.userId, tokenCiphertext: null, tokenKeyId: null })
    .where(and(eq(planLinks.clinicId, actor.clinicId), eq(planLinks.planId, plan.id), isNull(planLinks.revokedAt)))
    .returning({ id: planLinks.id });
  const { token, hash } = newPatientLinkToken();
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  // The id is chosen here, not by the database: the seal is bound to it.
  const id = randomUUID();
  const sealed = sealLinkToken(token, { clinicId: actor.clinicId, linkId: id });
  const [link] = await tx
    .insert(planLinks)
    .values({
      clinicId: actor.clinicId,
      id,
      planId: plan.id,
      patientId: plan.patientId,
      tokenHash: hash,
      tokenCiphertext: sealed.ciphertext,
      tokenKeyId: sealed.keyId,
      createdBy: actor.userId,
      createdAt: now,
      expiresAt,
    })
    .returning();
  await recordAuditEvent(tx, {
    ...actorAudit(actor),
    action: "plan_link.issue",
    entityType: "plan_link",
    entityId: link!.id,
    patientId: plan.patientId,
    detail: { planId: plan.id, days, replaced: revoked.length },
  });
  return { token, path: patientLinkPath(token), expiresAt };
}

export async function issuePatientLink(db: Db, actor: Actor, v: { patientId: string; planId: string; days?: number }) {
  return db.transaction(async (tx) => {
    const plan = await findPlan(tx, actor, v.patientId, v.planId, { lock: true });
    if (plan.publishedVersion === null) throw new AppError("invalid", "plan", "Publish the plan before sharing a link.");
    return issueLinkIn(tx, actor, plan, v.days ?? DEFAULT_LINK_DAYS);
  });
}
