import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CapacityTable, Missing, PlanPreview, PsfsSummary, Reasons, UrgentBanner, VerdictBanner } from "@/components/assessment/review";
import { verdictWords } from "@/components/assessment/labels";
import { OpenPlanButton } from "@/components/plan/open-plan-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { AssessmentSnapshotInput } from "@/lib/assessments/build-input";
import { requireRole } from "@/lib/auth/require-user";
import { findPlanForAssessment } from "@/lib/plans/find-plan-for-assessment";
import { fullName } from "@/lib/patients/format";
import { FORM_STEP_KEYS, stepByKey } from "@/lib/validation/assessment";
import { loadPatientOr404 } from "../../load-patient";
import { createPlanAction } from "../../plans/actions";
import { AssessmentHeader } from "./header";
import { loadAssessmentOr404 } from "./load-assessment";

export const metadata: Metadata = { title: "Assessment" };

const fmt = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

export default async function AssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; assessmentId: string }>;
  searchParams: Promise<{ finalized?: string; amended?: string }>;
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
  const snap = view.snapshot!;
  const input = snap.input as AssessmentSnapshotInput;
  const urgent = snap.evaluation.verdict === "urgent_referral";
  const planAllowed = !urgent && snap.evaluation.plan !== null && (snap.evaluation.verdict !== "refer" || Boolean(a.referralTo || a.overrideReason));
  const existingPlan = planAllowed ? await findPlanForAssessment(await getDb(), actor, a.id) : null;

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
      </p>
      {urgent ? <UrgentBanner evaluation={snap.evaluation} /> : null}
      <VerdictBanner evaluation={snap.evaluation} />
      {a.referralTo || a.overrideReason ? (
        <p className="text-sm">
          {a.referralTo ? `Referral: ${a.referralTo}, ${a.referralDate}.` : `Red-flag override: ${a.overrideReason}`}
        </p>
      ) : null}
      <Reasons evaluation={snap.evaluation} />
      <CapacityTable evaluation={snap.evaluation} />
      <PsfsSummary psfs={input.psfs} prior={view.priorPsfs} />
      <Missing evaluation={snap.evaluation} />
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
