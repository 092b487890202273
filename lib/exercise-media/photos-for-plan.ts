import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { exerciseMedia } from "@/db/schema";

export type ExercisePhoto = {
  id: string;
  /** The content hash: the URL's last segment (lib/exercise-media/urls.ts) and, quoted, the ETag. */
  sha256: string;
  etag: string;
  width: number;
  height: number;
  alt: string;
  /** Shown on the patient's page only. */
  videoUrl: string | null;
  /** The stored JPEG, for the PDF (react-pdf's Image takes a Buffer). */
  bytes: Buffer;
  contentType: string;
};

/**
 * The clinic's own photos for the exercises a plan names, keyed by exercise name; an exercise
 * with none is absent (show the built-in drawing). One query, always scoped to the clinic.
 */
export async function photosForExercises(db: DbOrTx, clinicId: string, exerciseNames: readonly string[]): Promise<Map<string, ExercisePhoto>> {
  const names = [...new Set(exerciseNames)].filter((n) => n.length > 0 && n.length <= 120);
  const out = new Map<string, ExercisePhoto>();
  if (names.length === 0) return out;
  const rows = await db
    .select()
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, clinicId), inArray(exerciseMedia.exerciseName, names)));
  for (const r of rows) {
    out.set(r.exerciseName, {
      id: r.id,
      sha256: r.sha256,
      etag: `"${r.sha256}"`,
      width: r.width,
      height: r.height,
      alt: r.alt,
      videoUrl: r.videoUrl,
      bytes: r.bytes,
      contentType: r.contentType,
    });
  }
  return out;
}

export { clinicianMediaUrl, patientMediaUrl } from "./urls";
