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
  return photosFor(db, clinicId, exerciseNames, true);
}

/** The same without the image bytes: what a web page needs to point at each photo's URL. */
export async function photoLinksForExercises(db: DbOrTx, clinicId: string, exerciseNames: readonly string[]): Promise<Map<string, Omit<ExercisePhoto, "bytes">>> {
  return photosFor(db, clinicId, exerciseNames, false);
}

type PhotoRow = Omit<ExercisePhoto, "etag" | "bytes"> & { exerciseName: string; bytes?: Buffer };

async function photosFor(db: DbOrTx, clinicId: string, exerciseNames: readonly string[], withBytes: true): Promise<Map<string, ExercisePhoto>>;
async function photosFor(db: DbOrTx, clinicId: string, exerciseNames: readonly string[], withBytes: false): Promise<Map<string, Omit<ExercisePhoto, "bytes">>>;
async function photosFor(db: DbOrTx, clinicId: string, exerciseNames: readonly string[], withBytes: boolean): Promise<Map<string, Omit<ExercisePhoto, "bytes"> & { bytes?: Buffer }>> {
  const names = [...new Set(exerciseNames)].filter((n) => n.length > 0 && n.length <= 120);
  const out = new Map<string, Omit<ExercisePhoto, "bytes"> & { bytes?: Buffer }>();
  if (names.length === 0) return out;
  const m = exerciseMedia;
  const columns = { id: m.id, exerciseName: m.exerciseName, sha256: m.sha256, width: m.width, height: m.height, alt: m.alt, videoUrl: m.videoUrl, contentType: m.contentType };
  const where = and(eq(m.clinicId, clinicId), inArray(m.exerciseName, names));
  const rows: PhotoRow[] = withBytes ? await db.select({ ...columns, bytes: m.bytes }).from(m).where(where) : await db.select(columns).from(m).where(where);
  for (const { exerciseName, ...r } of rows) out.set(exerciseName, { ...r, etag: `"${r.sha256}"` });
  return out;
}

export { clinicianMediaUrl, patientMediaUrl } from "./urls";
