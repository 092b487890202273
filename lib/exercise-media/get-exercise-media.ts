import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { exerciseMedia, planLinks } from "@/db/schema";
import { hashLinkToken } from "@/lib/auth/tokens";
import { isPatientLinkToken } from "@/lib/plans/patient-link-token";

const HASH = /^[0-9a-f]{64}$/;

/** One stored image of the caller's clinic by its content hash, or null (another clinic's is null too). */
export async function getExerciseMediaByHash(db: DbOrTx, clinicId: string, sha256: string) {
  if (!HASH.test(sha256)) return null;
  const [row] = await db
    .select({ bytes: exerciseMedia.bytes, contentType: exerciseMedia.contentType, sha256: exerciseMedia.sha256 })
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, clinicId), eq(exerciseMedia.sha256, sha256)))
    .limit(1);
  return row ?? null;
}

/**
 * The image behind a patient's link: the token must be live (not unknown, revoked or expired) and
 * its clinic must own the image. Every refusal is the same null (a 404). Not audited: the photo
 * is the clinic's, not the patient's record; the plan view that shows it is audited.
 */
export async function getExerciseMediaForLink(db: DbOrTx, token: string, sha256: string, now = new Date()) {
  if (!isPatientLinkToken(token) || !HASH.test(sha256)) return null;
  const [link] = await db
    .select({ clinicId: planLinks.clinicId, revokedAt: planLinks.revokedAt, expiresAt: planLinks.expiresAt })
    .from(planLinks)
    .where(eq(planLinks.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!link || link.revokedAt !== null || link.expiresAt.getTime() <= now.getTime()) return null;
  return getExerciseMediaByHash(db, link.clinicId, sha256);
}

/** The clinic's photos for the library screen (no bytes), by exercise name. */
export async function listExerciseMedia(db: DbOrTx, clinicId: string) {
  return db
    .select({
      id: exerciseMedia.id,
      exerciseName: exerciseMedia.exerciseName,
      sha256: exerciseMedia.sha256,
      width: exerciseMedia.width,
      height: exerciseMedia.height,
      alt: exerciseMedia.alt,
      videoUrl: exerciseMedia.videoUrl,
      version: exerciseMedia.version,
      updatedAt: exerciseMedia.updatedAt,
    })
    .from(exerciseMedia)
    .where(eq(exerciseMedia.clinicId, clinicId))
    .orderBy(asc(exerciseMedia.exerciseName));
}
