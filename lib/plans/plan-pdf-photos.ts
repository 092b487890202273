import "server-only";
import type { DbOrTx } from "@/db/client";
import { photosForExercises } from "@/lib/exercise-media/photos-for-plan";
import type { ReportModel } from "@/lib/pdf/report-model";
import type { PdfPhoto } from "@/lib/pdf/exercise-figure-pdf";

/**
 * The clinic's own photos for the exercises a plan's PDF prints (ADR 0028: a photo replaces the
 * built-in drawing), and what goes into the PDF's cache key: each photo's content hash, so
 * uploading, replacing or removing a photo makes a new render (ADR 0024).
 */
export async function planPdfPhotos(db: DbOrTx, clinicId: string, model: ReportModel) {
  const names = model.stages.flatMap((s) => s.strength.map((x) => x.exercise));
  const found = await photosForExercises(db, clinicId, names);
  const photos = new Map<string, PdfPhoto>();
  const printed: Record<string, string> = {};
  for (const [name, p] of found) {
    photos.set(name, { data: p.bytes, alt: p.alt });
    printed[name] = p.sha256;
  }
  return { photos, printed };
}
