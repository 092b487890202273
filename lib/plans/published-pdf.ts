import "server-only";
import { and, desc, eq, notInArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { pdfRenders } from "@/db/schema";
import { PDF_RENDERER_VERSION, pdfRenderKey, strongEtag } from "@/lib/pdf/render-key";

/** Renders kept per plan: the patient's copy, the clinician's copy and a withheld notice, plus one spare. */
export const RENDERS_KEPT_PER_PLAN = 4;

export type ServedPdf = { pdf: Buffer; etag: string; cached: boolean };

/**
 * A published plan's PDF (or its withheld notice) from the store, rendered and stored on first
 * request (ADR 0024). The caller has already checked the session or token, the role and the
 * clinic, and audits the access; this only decides whether to render. Every lookup names the
 * clinic. Superseded renders of the plan (older keys) are deleted beyond the newest few.
 */
export async function publishedPdf(
  db: DbOrTx,
  clinicId: string,
  planId: string,
  kind: "plan" | "withheld",
  printed: unknown,
  render: () => Promise<Buffer>,
): Promise<ServedPdf> {
  const renderKey = pdfRenderKey(kind, printed);
  const found = await stored(db, clinicId, renderKey);
  if (found) return { pdf: found.bytes, etag: found.etag, cached: true };

  const pdf = await render();
  const etag = strongEtag(pdf);
  const inserted = await db
    .insert(pdfRenders)
    .values({ clinicId, renderKey, planId, etag, bytes: pdf, byteSize: pdf.byteLength, rendererVersion: PDF_RENDERER_VERSION })
    .onConflictDoNothing()
    .returning({ etag: pdfRenders.etag });
  if (inserted.length === 0) {
    // Another request stored the same key first: serve its bytes, so one key has one ETag.
    const winner = await stored(db, clinicId, renderKey);
    if (winner) return { pdf: winner.bytes, etag: winner.etag, cached: true };
  }
  await evictSuperseded(db, clinicId, planId);
  return { pdf, etag, cached: false };
}

async function stored(db: DbOrTx, clinicId: string, renderKey: string) {
  const [row] = await db
    .select({ bytes: pdfRenders.bytes, etag: pdfRenders.etag })
    .from(pdfRenders)
    .where(and(eq(pdfRenders.clinicId, clinicId), eq(pdfRenders.renderKey, renderKey)))
    .limit(1);
  return row ?? null;
}

async function evictSuperseded(db: DbOrTx, clinicId: string, planId: string) {
  const keep = await db
    .select({ renderKey: pdfRenders.renderKey })
    .from(pdfRenders)
    .where(and(eq(pdfRenders.clinicId, clinicId), eq(pdfRenders.planId, planId)))
    .orderBy(desc(pdfRenders.createdAt), desc(pdfRenders.renderKey))
    .limit(RENDERS_KEPT_PER_PLAN);
  if (keep.length < RENDERS_KEPT_PER_PLAN) return;
  await db.delete(pdfRenders).where(
    and(
      eq(pdfRenders.clinicId, clinicId),
      eq(pdfRenders.planId, planId),
      notInArray(
        pdfRenders.renderKey,
        keep.map((k) => k.renderKey),
      ),
    ),
  );
}
