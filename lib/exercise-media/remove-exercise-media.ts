import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseMedia } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors";
import { STALE_MEDIA_MESSAGE } from "./save-exercise-media";

/** Removes the clinic's photo for one exercise (the built-in drawing shows again), if still the version shown. */
export async function removeExerciseMedia(db: Db, actor: Actor, input: { exerciseName: string; version: number }) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: exerciseMedia.id, version: exerciseMedia.version, sha256: exerciseMedia.sha256 })
      .from(exerciseMedia)
      .where(and(eq(exerciseMedia.clinicId, actor.clinicId), eq(exerciseMedia.exerciseName, input.exerciseName)))
      .for("update")
      .limit(1);
    if (!current) throw new AppError("not_found", "exercise_media", "This photo was not found: it may have been removed. Reload the page.");
    if (current.version !== input.version) throw new AppError("conflict", "exercise_media", STALE_MEDIA_MESSAGE);
    await tx.delete(exerciseMedia).where(and(eq(exerciseMedia.clinicId, actor.clinicId), eq(exerciseMedia.id, current.id)));
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "exercise_media.remove",
      entityType: "exercise_media",
      entityId: current.id,
      detail: { exerciseName: input.exerciseName, sha256: current.sha256 },
    });
  });
}
