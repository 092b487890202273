import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CapacityTable, LefsSummary, Missing, PlanPreview, PsfsSummary, Reasons, UrgentBanner, VerdictBanner } from "@/components/assessment/review";
import { fitOfInput } from "@/lib/assessments/question-fit";
import { verdictWords } from "@/components/assessment/labels";
import { OpenPlanButton } from "@/components/plan/open-plan-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { AssessmentSnapshotInput } from "@/lib/assessments/build-input";
import { requireRole } from "@/lib/auth/require-user";
import { GateForm } from "@/components/assessment/review-forms";
import { latestLaterReferral } from "@/lib/assessments/internal";
import { findPlanForAssessment } from "@/lib/plans/find-plan-for-assessment";
import { gateMessage, planGateFor } from "@/lib/plans/plan-gate";
import { recordGateAction } from "./actions";
import { fullName } from "@/lib/patients/format";
import { FORM_STEP_KEYS, stepByKey } from "@/lib/validation/assessment";
import { loadPatientOr404 } from "../../load-patient";
import { clinicTimeZone } from "@/lib/clinics/clinic-time-zone";
import { formatClinicTime } from "@/lib/time/clock";
import { createPlanAction } from "../../plans/actions";
import { AssessmentHeader } from "./header";
import { loadAssessmentOr404 } from "./load-assessment";

export const metadata: Metadata = { title: "Assessment" };


export default async function AssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; assessmentId: string }>;
  searchParams: Promise<{ finalized?: string; amended?: string; referral?: string }>;
}) {
  const actor = await requireRole("clinician", "admin");
  const { patientId, assessmentId } = await params;
  const flags = await searchParams;
  const view = await loadAssessmentOr404(actor, patientId, assessmentId, "view");
  const a = view.assessment;
  const base = `/patients/${patientId}/assessments/${assessmentId}`;
  // A draft resumes where the clinician left it.
  if (a.status === "draft") redirect(`${base}/step/${a.currentStep}`);
  const patient = await loadPatientOr404(actor, patientId);
  const timeZone = await clinicTimeZone(await getDb(), actor.clinicId);
  const fmt = (d: Date | null) => (d ? formatClinicTime(d, timeZone) : "—");
  const snap = view.snapshot!;
  const input = snap.input as AssessmentSnapshotInput;
  const db = await getDb();
  const urgent = snap.evaluation.verdict === "urgent_referral";
  // The same gate as publish and the patient's link (ADR 0013), including a referral recorded
  // after an amendment made the verdict refer.
  const gate = await planGateFor(db, actor.clinicId, { assessmentId: a.id });
  const planAllowed = gate.open && snap.evaluation.plan !== null;
  const existingPlan = await findPlanForAssessment(db, actor, a.id);
  const later = await latestLaterReferral(db, actor.clinicId, a.id);

  return (
    <div className="space-y-6">
      {flags.finalized || flags.amended ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {flags.finalized ? "Assessment finalized." : "Amendment saved beside the original."}
        </p>
      ) : null}
      <AssessmentHeader patientId={patientId} patientName={fullName(patient)} kind={a.kind} status={a.status} />
      <p className="text-sm text-slate-700">
        Finalized {fmt(a.finalizedAt)} · ruleset {snap.rulesetVersion}
        {view.amendments.length ? ` · amended ${view.amendments.length} time${view.amendments.length > 1 ? "s" : ""} (showing the latest)` : ""}
        {" · "}
        <a href={`/api/v1/patients/${patientId}/assessments/${a.id}/fhir`} download className="font-medium text-brand-800 underline">
          Download FHIR
        </a>
      </p>
      {flags.referral ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          Referral recorded. The plan can be published again from its page.
        </p>
      ) : null}
      {urgent ? <UrgentBanner evaluation={snap.evaluation} /> : null}
      {!gate.open && existingPlan ? (
        <section role="alert" aria-labelledby="plan-gate-title" className="space-y-1 rounded-lg border-2 border-red-600 bg-red-50 px-5 py-4 text-sm text-red-950">
          <h2 id="plan-gate-title" className="text-base font-semibold">
            {gate.reason === "urgent_referral" ? "Plan withdrawn from the patient" : "Plan held back until the referral is recorded"}
          </h2>
          <p>{gateMessage[gate.reason]}</p>
          <p>
            <Link href={`/patients/${patientId}/plans/${existingPlan.id}`} className="font-medium text-brand-800 underline">
              Open the plan
            </Link>
          </p>
        </section>
      ) : null}
      <VerdictBanner evaluation={snap.evaluation} />
      {!gate.open && gate.reason === "referral_required" ? (
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Red flag after an amendment: record the referral</h2>
          </CardHeader>
          <CardBody className="space-y-3">
            <p className="text-sm">Record the referral (to whom and when), or an override with your reason, before the plan can reach the patient again.</p>
            <GateForm action={recordGateAction} meta={{ assessmentId: a.id, patientId, version: a.version }} initial={{ gate: "", referralTo: "", referralDate: "", overrideReason: "" }} />
          </CardBody>
        </Card>
      ) : null}
      {later ? (
        <p className="text-sm">
          {later.referralTo ? `Referral after amendment ${later.amendmentSeq}: ${later.referralTo}, ${later.referralDate}.` : `Red-flag override after amendment ${later.amendmentSeq}: ${later.overrideReason}`}
        </p>
      ) : null}
      {a.referralTo || a.overrideReason ? (
        <p className="text-sm">
          {a.referralTo ? `Referral: ${a.referralTo}, ${a.referralDate}.` : `Red-flag override: ${a.overrideReason}`}
        </p>
      ) : null}
      <Reasons evaluation={snap.evaluation} region={input.complaint?.region ?? "none"} />
      <CapacityTable evaluation={snap.evaluation} />
      <PsfsSummary psfs={input.psfs} prior={view.priorPsfs} />
      <LefsSummary lefs={input.lefs} prior={view.priorLefs} />
      <Missing evaluation={snap.evaluation} fit={fitOfInput(input)} />
      {planAllowed ? <PlanPreview evaluation={snap.evaluation} title="Plan" /> : null}
      {planAllowed ? (
        <OpenPlanButton action={createPlanAction} patientId={patientId} assessmentId={assessmentId} exists={existingPlan !== null} />
      ) : null}

      <Card>
        <CardHeader>
          <h2 className="font-semibold">Record and amendments</h2>
        </CardHeader>
        <CardBody className="space-y-4">
          <ol className="space-y-2 text-sm">
            <li>
              <strong>Original</strong> · finalized {fmt(a.finalizedAt)} · verdict {verdictWords[a.evaluation!.verdict].title} · ruleset{" "}
              {a.rulesetVersion}
            </li>
            {view.amendments.map((m) => (
              <li key={m.id}>
                <strong>Amendment {m.seq}</strong> · {fmt(m.createdAt)} · step {m.step} corrected · verdict{" "}
                {verdictWords[m.evaluation.verdict].title} · reason: “{m.reason}”
              </li>
            ))}
          </ol>
          <div>
            <p className="text-sm font-medium">Correct a step (kept as an amendment with your reason):</p>
            <ul className="mt-2 flex flex-wrap gap-2">
              {FORM_STEP_KEYS.map((k) => {
                const s = stepByKey(k);
                return (
                  <li key={k}>
                    <Link href={`${base}/amend/${s.n}`} className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
                      {s.n}. {s.title}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
