import "server-only";
import { and, eq } from "drizzle-orm";
import { createDraft } from "@/lib/assessments/create-draft";
import { finalizeAssessment } from "@/lib/assessments/finalize-assessment";
import { inputToStepForms } from "@/lib/assessments/input-to-steps";
import { recordReferral } from "@/lib/assessments/record-referral";
import { saveStep } from "@/lib/assessments/save-step";
import type { Actor } from "@/lib/auth/actor";
import { assessmentInputSchema } from "@/lib/clinical";
import vignettes from "@/lib/clinical/fixtures/vignettes.json";
import { createPlan } from "@/lib/plans/create-plan";
import { publishPlan } from "@/lib/plans/publish-plan";
import { FORM_STEP_KEYS, gateFormSchema, stepFormSchemas } from "@/lib/validation/assessment";
import type { Db } from "./client";
import { clinics, patients, users } from "./schema";

// A few finalized assessments (and one published plan) for the demo clinic, so a first look
// shows verdicts, red flags, history charts and a plan. They go through the same services and
// step schemas as a clinician's answers: nothing here writes clinical rows directly.
const HISTORY: Array<{ lastName: string; vignette: string; psfs: Array<[string, number]>; referral?: string; publish?: boolean }> = [
  { lastName: "Lindqvist", vignette: "runner-knee-weak-calves", psfs: [["Running 5 km", 4], ["Stairs", 7]], publish: true },
  { lastName: "Brennan", vignette: "lifter-acute-back-tweak", psfs: [["Deadlift", 2], ["Putting on socks", 5]] },
  { lastName: "Carvalho", vignette: "crossfit-volume-jump", psfs: [["Box jumps", 5]] },
  { lastName: "Bianchi", vignette: "radicular-tingling", psfs: [["Running 30 min", 3]], referral: "Dr Amal Idris, sports physician" },
  { lastName: "Sato", vignette: "strong-runner-mild-ache", psfs: [["Track intervals", 8]] },
  { lastName: "Martin", vignette: "one-bad-day-push", psfs: [["Squat", 9]] },
];

export async function seedDemoHistory(db: Db, clinicName = "Loadwise Demo Clinic") {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.name, clinicName)).limit(1);
  if (!clinic) return 0;
  let made = 0;
  for (const h of HISTORY) {
    const [row] = await db
      .select({ patient: patients, clinician: users })
      .from(patients)
      .innerJoin(users, and(eq(users.clinicId, patients.clinicId), eq(users.id, patients.clinicianId)))
      .where(and(eq(patients.clinicId, clinic.id), eq(patients.lastName, h.lastName)))
      .limit(1);
    const vignette = (vignettes as Array<{ id: string; input: unknown }>).find((v) => v.id === h.vignette);
    if (!row || !vignette || row.patient.lastAssessedAt) continue;
    const actor: Actor = {
      clinicId: clinic.id,
      userId: row.clinician.id,
      role: row.clinician.role,
      name: row.clinician.name,
      email: row.clinician.email,
      sessionId: "00000000-0000-0000-0000-000000000000",
      ip: null,
      userAgent: "demo seed",
    };
    const patientId = row.patient.id;
    const forms = inputToStepForms(assessmentInputSchema.parse(vignette.input), h.psfs);
    let { assessment } = await createDraft(db, actor, patientId);
    const meta = () => ({ assessmentId: assessment.id, patientId, version: String(assessment.version) });
    for (const [n, key] of FORM_STEP_KEYS.entries()) {
      const values = stepFormSchemas[key].parse({ ...forms[key], ...meta() }) as Record<string, unknown>;
      assessment = await saveStep(db, actor, { patientId, assessmentId: assessment.id, version: assessment.version, step: key, values, nextStep: n + 2 });
    }
    if (h.referral) {
      const gate = gateFormSchema.parse({ ...meta(), gate: "referral", referralTo: h.referral, referralDate: new Date().toISOString().slice(0, 10) });
      assessment = await recordReferral(db, actor, gate);
    }
    const final = await finalizeAssessment(db, actor, { patientId, assessmentId: assessment.id, version: assessment.version });
    if (h.publish) {
      const { plan } = await createPlan(db, actor, { patientId, assessmentId: final.id });
      await publishPlan(db, actor, { patientId, planId: plan.id, version: plan.version });
    }
    made++;
  }
  return made;
}
