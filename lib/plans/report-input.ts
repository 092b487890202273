import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessments, patients, users, type PlanRow, type PlanVersion } from "@/db/schema";
import { amendmentsOf, effectiveSnapshot } from "@/lib/assessments/internal";
import type { Verdict } from "@/lib/clinical";
import { clinicContactOf } from "@/lib/clinics/clinic-contact";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { fullName } from "@/lib/patients/format";
import type { ReportInput } from "@/lib/pdf/report-model";
import { unitOf } from "./units";
import { usualWeekOf } from "./usual-week";

/**
 * What the report model needs about one plan version: the clinic's name, paper and units, the
 * patient, the clinician who published it (or saved it, for a preview), the date, and the usual
 * week from the plan's assessment (its latest amendment, if corrected), which turns the stages'
 * percentages into kilometres or miles and hours.
 */
export async function planReportInput(
  db: DbOrTx,
  clinicId: string,
  plan: PlanRow,
  version: PlanVersion,
  opts: { link: string | null; position?: ReportInput["position"]; finished?: ReportInput["finished"] },
): Promise<ReportInput> {
  const published = plan.publishedVersion === version.version;
  const clinicianId = published && plan.publishedBy ? plan.publishedBy : version.createdBy;
  const [settings, [patient], [clinician], usualWeek] = await Promise.all([
    getClinicSettings(db, clinicId),
    db
      .select({ firstName: patients.firstName, lastName: patients.lastName })
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), eq(patients.id, plan.patientId)))
      .limit(1),
    db.select({ name: users.name }).from(users).where(and(eq(users.clinicId, clinicId), eq(users.id, clinicianId))).limit(1),
    usualWeekFor(db, clinicId, plan),
  ]);
  return {
    clinicName: settings.clinicName,
    paperSize: settings.paperSize === "LETTER" ? "LETTER" : "A4",
    units: unitOf(settings.units),
    usualWeek,
    patientName: patient ? fullName(patient) : "",
    clinicianName: clinician?.name ?? "",
    date: (published ? plan.publishedAt : version.createdAt) ?? version.createdAt,
    verdict: plan.verdict as Verdict,
    rulesetVersion: plan.rulesetVersion,
    planVersion: version.version,
    published,
    content: version.content,
    link: opts.link,
    position: opts.position ?? null,
    change: version.change ? { summary: version.change.summary, why: version.change.why } : null,
    contact: clinicContactOf(settings),
    finished: opts.finished ?? null,
  };
}

/** The usual week as the assessment says it now: a corrected figure is the one to aim by. */
async function usualWeekFor(db: DbOrTx, clinicId: string, plan: PlanRow) {
  const [a] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.clinicId, clinicId), eq(assessments.id, plan.assessmentId)))
    .limit(1);
  if (!a || a.status !== "final") return null;
  return usualWeekOf(effectiveSnapshot(a, await amendmentsOf(db, clinicId, a.id)).input.load);
}
