import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getAssessment } from "@/lib/assessments/get-assessment";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";

/** An assessment of the caller's clinic and this patient, or the plain 404 page. */
export async function loadAssessmentOr404(actor: Actor, patientId: string, assessmentId: string, purpose: string) {
  try {
    return await getAssessment(await getDb(), actor, patientId, assessmentId, purpose);
  } catch (e) {
    if (isAppError(e) && e.kind === "not_found") notFound();
    throw e;
  }
}
