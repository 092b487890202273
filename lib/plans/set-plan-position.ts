import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { planPositions, type PlanPosition } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors";
import type { PlanContent } from "@/lib/validation/plan";

// Where the patient is in a published plan (issue 12): the stage, since when, the cut taken inside
// it, the last lighter week and the resting-pain baseline. Append-only (one row per move, `seq`):
// set at publish, later moved only by an approved review or a clinician's edit (the approval
// queue calls this same service). The check-in review reads the latest row.

export type PositionSource = "publish" | "review" | "edit";

export type PositionInput = {
  stageKey: string;
  startedOn: string;
  doseCutPct?: number;
  lastLighterWeekOn?: string | null;
  baselinePainNrs?: number | null;
};

export async function currentPlanPosition(db: DbOrTx, clinicId: string, planId: string): Promise<PlanPosition | null> {
  const [row] = await db
    .select()
    .from(planPositions)
    .where(and(eq(planPositions.clinicId, clinicId), eq(planPositions.planId, planId)))
    .orderBy(desc(planPositions.seq))
    .limit(1);
  return row ?? null;
}

/**
 * Appends the plan's next position (inside the caller's transaction, with its audit event). The
 * stage must be one of the content's stages; the cut 0-50 %; the baseline 0-10.
 */
export async function setPlanPosition(
  tx: DbOrTx,
  who: { clinicId: string; userId: string; ip?: string | null; userAgent?: string | null },
  v: { planId: string; patientId: string; content: PlanContent; source: PositionSource } & PositionInput,
): Promise<PlanPosition> {
  if (!v.content.stages.some((s) => s.key === v.stageKey)) throw new AppError("invalid", "plan", `Not a stage of this plan: ${v.stageKey}`);
  const cut = v.doseCutPct ?? 0;
  if (!Number.isInteger(cut) || cut < 0 || cut > 50) throw new AppError("invalid", "plan", "The dose cut must be 0-50 %");
  const prev = await currentPlanPosition(tx, who.clinicId, v.planId);
  const [row] = await tx
    .insert(planPositions)
    .values({
      clinicId: who.clinicId,
      planId: v.planId,
      seq: (prev?.seq ?? 0) + 1,
      stageKey: v.stageKey,
      startedOn: v.startedOn,
      doseCutPct: cut,
      lastLighterWeekOn: v.lastLighterWeekOn ?? null,
      baselinePainNrs: v.baselinePainNrs ?? null,
      source: v.source,
      setBy: who.userId,
    })
    .returning();
  await recordAuditEvent(tx, {
    clinicId: who.clinicId,
    actorUserId: who.userId,
    action: "plan.position",
    entityType: "plan",
    entityId: v.planId,
    patientId: v.patientId,
    ip: who.ip ?? null,
    userAgent: who.userAgent ?? null,
    detail: { seq: row!.seq, source: v.source, stageKey: v.stageKey, previousStageKey: prev?.stageKey ?? null, doseCutPct: cut },
  });
  return row!;
}
