import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { StepForm } from "@/components/assessment/step-form";
import { fitOfDraft } from "@/lib/assessments/question-fit";
import { requireRole } from "@/lib/auth/require-user";
import type { Sport } from "@/lib/clinical";
import { fullName } from "@/lib/patients/format";
import { stepByNumber, type FormStepKey } from "@/lib/validation/assessment";
import { loadPatientOr404 } from "../../../../load-patient";
import {
  amendCapacityStep,
  amendComplaintStep,
  amendLoadStep,
  amendOutcomesStep,
  amendRecoveryStep,
  amendRedFlagsStep,
} from "../../actions";
import { AssessmentHeader } from "../../header";
import { loadAssessmentOr404 } from "../../load-assessment";

export const metadata: Metadata = { title: "Amend assessment" };

const actions = {
  load: amendLoadStep,
  complaint: amendComplaintStep,
  redFlags: amendRedFlagsStep,
  capacity: amendCapacityStep,
  recovery: amendRecoveryStep,
  outcomes: amendOutcomesStep,
} satisfies Record<FormStepKey, unknown>;

export default async function AmendPage({ params }: { params: Promise<{ patientId: string; assessmentId: string; n: string }> }) {
  const actor = await requireRole("clinician", "admin");
  const { patientId, assessmentId, n } = await params;
  const step = stepByNumber(Number(n));
  if (!step || step.key === "review" || String(step.n) !== n) notFound();
  const view = await loadAssessmentOr404(actor, patientId, assessmentId, `amend step ${step.n}`);
  const base = `/patients/${patientId}/assessments/${assessmentId}`;
  if (view.assessment.status !== "final") redirect(`${base}/step/${step.n}`);
  const patient = await loadPatientOr404(actor, patientId);
  const draft = view.snapshot!.draft;
  return (
    <div className="space-y-6">
      <AssessmentHeader patientId={patientId} patientName={fullName(patient)} kind={view.assessment.kind} status="final" />
      <h2 className="text-xl font-semibold">
        Amend step {step.n}: {step.title}
      </h2>
      <p className="text-sm text-slate-700">
        The finalized record stays as it is. Your correction and its reason are kept beside it, and the decision is recalculated.
      </p>
      <StepForm
        step={step.key}
        action={actions[step.key]}
        initial={draft[step.key] ?? {}}
        assessmentId={assessmentId}
        patientId={patientId}
        sport={(draft.load?.sport ?? patient.sport) as Sport}
        settings={view.settings}
        priorPsfsMean={view.priorPsfs?.mean}
        priorLefsTotal={view.priorLefs?.total}
        fit={fitOfDraft(draft)}
        amend={{ amendmentSeq: view.amendments.length, cancelHref: base }}
      />
    </div>
  );
}
