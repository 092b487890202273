import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseMedia } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors";
import type { SaveExerciseMediaInput } from "@/lib/validation/exercise-media";
import { processUploadedImage } from "./process-image";

export const STALE_MEDIA_MESSAGE = "Someone else changed this exercise's photo since this page was opened. Reload the page to see it, then try again.";
const stale = () => new AppError("conflict", "exercise_media", STALE_MEDIA_MESSAGE);

const isUniqueViolation = (err: unknown): boolean => {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
};

/**
 * Uploads, replaces or edits (alt text, video link) the clinic's photo for one library exercise.
 * The file, when there is one, is checked and re-encoded before anything is written (a refused
 * file stores nothing). A first upload names no version; a replace names the version the page
 * showed, and a concurrent replace or removal is a conflict, not a silent overwrite.
 */
export async function saveExerciseMedia(db: Db, actor: Actor, input: SaveExerciseMediaInput, file: Uint8Array | null) {
  const image = file && file.byteLength > 0 ? await processUploadedImage(file) : null;
  const alt = input.alt || `Photo: ${input.exerciseName}`;
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ id: exerciseMedia.id, version: exerciseMedia.version, sha256: exerciseMedia.sha256 })
        .from(exerciseMedia)
        .where(and(eq(exerciseMedia.clinicId, actor.clinicId), eq(exerciseMedia.exerciseName, input.exerciseName)))
        .for("update")
        .limit(1);
      if (!current) {
        // It was removed meanwhile (or, for another clinic, never was theirs).
        if (input.version !== null) throw new AppError("not_found", "exercise_media", "This photo was not found: it may have been removed. Reload the page.");
        if (!image) throw new AppError("invalid", "exercise_media", "Choose a photo to upload.", { photo: ["Choose a photo to upload."] });
        const [row] = await tx
          .insert(exerciseMedia)
          .values({
            clinicId: actor.clinicId,
            exerciseName: input.exerciseName,
            contentType: image.contentType,
            bytes: image.bytes,
            sha256: image.sha256,
            width: image.width,
            height: image.height,
            alt,
            videoUrl: input.videoUrl,
            createdBy: actor.userId,
            updatedBy: actor.userId,
          })
          .returning({ id: exerciseMedia.id, version: exerciseMedia.version, sha256: exerciseMedia.sha256 });
        await recordAuditEvent(tx, {
          ...actorAudit(actor),
          action: "exercise_media.upload",
          entityType: "exercise_media",
          entityId: row!.id,
          detail: { exerciseName: input.exerciseName, sha256: image.sha256, width: image.width, height: image.height, bytes: image.bytes.byteLength, video: input.videoUrl !== null },
        });
        return { kind: "uploaded" as const, ...row! };
      }
      if (input.version === null || input.version !== current.version) throw stale();
      const [row] = await tx
        .update(exerciseMedia)
        .set({
          ...(image
            ? { contentType: image.contentType, bytes: image.bytes, sha256: image.sha256, width: image.width, height: image.height }
            : {}),
          alt,
          videoUrl: input.videoUrl,
          updatedBy: actor.userId,
          updatedAt: sql`now()`,
          version: sql`${exerciseMedia.version} + 1`,
        })
        .where(and(eq(exerciseMedia.clinicId, actor.clinicId), eq(exerciseMedia.id, current.id), eq(exerciseMedia.version, current.version)))
        .returning({ id: exerciseMedia.id, version: exerciseMedia.version, sha256: exerciseMedia.sha256 });
      if (!row) throw stale();
      await recordAuditEvent(tx, {
        ...actorAudit(actor),
        action: image ? "exercise_media.replace" : "exercise_media.update",
        entityType: "exercise_media",
        entityId: current.id,
        detail: image
          ? { exerciseName: input.exerciseName, sha256: image.sha256, previousSha256: current.sha256, width: image.width, height: image.height, bytes: image.bytes.byteLength, video: input.videoUrl !== null }
          : { exerciseName: input.exerciseName, fields: ["alt", "videoUrl"], video: input.videoUrl !== null },
      });
      return { kind: image ? ("replaced" as const) : ("updated" as const), ...row };
    });
  } catch (err) {
    // Two first uploads at once: the second meets the unique index and is told, not overwritten.
    if (isUniqueViolation(err)) throw stale();
    throw err;
  }
}
