import "server-only";
import type { DbOrTx } from "@/db/client";
import type { PlanLink, PlanRow } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { hashLinkToken } from "@/lib/auth/tokens";
import { findPlan, liveLink } from "./internal";
import { hasLinkKey, openLinkToken } from "./link-token-seal";
import { patientLinkPath } from "./patient-link-token";

// Showing the plan's live link again (ADR 0021): the same link, not a new one. Nothing here
// revokes, extends or reissues; revocation and expiry end a link exactly as before.

/** What the plan page can offer for a live link, decided without decrypting anything. */
export type LinkKept = "kept" | "not_kept" | "key_unavailable";

export function linkKept(link: Pick<PlanLink, "tokenCiphertext" | "tokenKeyId">): LinkKept {
  if (!link.tokenCiphertext || !link.tokenKeyId) return "not_kept";
  return hasLinkKey(link.tokenKeyId) ? "kept" : "key_unavailable";
}

export type ShownLink =
  | { state: "shown"; linkId: string; path: string; url: string; expiresAt: Date }
  /** No link that is not revoked (never issued, or revoked). */
  | { state: "none" }
  | { state: "expired"; expiresAt: Date }
  /** Issued before links were kept (no ciphertext): it works, but only a new link can be handed over. */
  | { state: "not_kept" }
  /** Sealed under a key this server no longer has, or the stored value does not open for this link. */
  | { state: "unreadable" };

/**
 * The live link of a plan the caller has already found in their own clinic, opened for handing
 * over on screen or on the printed PDF. Audited as a read of the link (`plan_link.show`) only
 * when the token is actually revealed.
 */
export async function revealLiveLink(
  db: DbOrTx,
  actor: Actor,
  plan: PlanRow,
  opts: { origin: string; via: "screen" | "pdf"; now?: Date },
): Promise<ShownLink> {
  const link = await liveLink(db, actor.clinicId, plan.id);
  if (!link) return { state: "none" };
  const now = opts.now ?? new Date();
  if (link.expiresAt.getTime() <= now.getTime()) return { state: "expired", expiresAt: link.expiresAt };
  if (!link.tokenCiphertext || !link.tokenKeyId) return { state: "not_kept" };
  const token = openLinkToken({ ciphertext: link.tokenCiphertext, keyId: link.tokenKeyId }, { clinicId: link.clinicId, linkId: link.id });
  // The hash is the link's identity: a value that opens but is not this link's token is not shown.
  if (token === null || hashLinkToken(token) !== link.tokenHash) return { state: "unreadable" };
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "plan_link.show",
    entityType: "plan_link",
    entityId: link.id,
    patientId: plan.patientId,
    detail: { planId: plan.id, via: opts.via },
  });
  const path = patientLinkPath(token);
  return { state: "shown", linkId: link.id, path, url: `${opts.origin}${path}`, expiresAt: link.expiresAt };
}

/** The plan's live link shown again to a clinician or admin of the plan's clinic; another clinic's plan is not found. */
export async function showPatientLink(db: DbOrTx, actor: Actor, v: { patientId: string; planId: string }, opts: { origin: string; now?: Date }) {
  const plan = await findPlan(db, actor, v.patientId, v.planId);
  return revealLiveLink(db, actor, plan, { ...opts, via: "screen" });
}
