import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { patients, users, type PlanRow, type PlanVersion } from "@/db/schema";
import type { Verdict } from "@/lib/clinical";
import { clinicContactOf } from "@/lib/clinics/clinic-contact";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { fullName } from "@/lib/patients/format";
import type { ReportInput } from "@/lib/pdf/report-model";
import { unitOf } from "./units";

/**
 * What the report model needs about one plan version: the clinic's name, paper and units, the
 * patient, the clinician who published it (or saved it, for a preview) and the date.
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
  const [settings, [patient], [clinician]] = await Promise.all([
    getClinicSettings(db, clinicId),
    db
      .select({ firstName: patients.firstName, lastName: patients.lastName })
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), eq(patients.id, plan.patientId)))
      .limit(1),
    db.select({ name: users.name }).from(users).where(and(eq(users.clinicId, clinicId), eq(users.id, clinicianId))).limit(1),
  ]);
  return {
    clinicName: settings.clinicName,
    paperSize: settings.paperSize === "LETTER" ? "LETTER" : "A4",
    units: unitOf(settings.units),
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
