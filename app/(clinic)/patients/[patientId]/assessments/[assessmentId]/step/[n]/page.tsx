import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { FinalizeForm, GateForm } from "@/components/assessment/review-forms";
import { CapacityTable, Missing, PlanPreview, PsfsSummary, Reasons, UrgentBanner, VerdictBanner } from "@/components/assessment/review";
import { StepForm } from "@/components/assessment/step-form";
import { Stepper } from "@/components/assessment/stepper";
import { Card, CardBody } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/require-user";
import type { Sport } from "@/lib/clinical";
import { fullName } from "@/lib/patients/format";
import { STEPS, stepByNumber, type FormStepKey } from "@/lib/validation/assessment";
import { loadPatientOr404 } from "../../../../load-patient";
import {
  finalizeAction,
  recordGateAction,
  saveCapacityStep,
  saveComplaintStep,
  saveLoadStep,
  saveOutcomesStep,
  saveRecoveryStep,
  saveRedFlagsStep,
} from "../../actions";
import { AssessmentHeader } from "../../header";
import { loadAssessmentOr404 } from "../../load-assessment";

export const metadata: Metadata = { title: "Assessment" };

const actions = {
  load: saveLoadStep,
  complaint: saveComplaintStep,
  redFlags: saveRedFlagsStep,
  capacity: saveCapacityStep,
  recovery: saveRecoveryStep,
  outcomes: saveOutcomesStep,
} satisfies Record<FormStepKey, unknown>;

export default async function StepPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; assessmentId: string; n: string }>;
  searchParams: Promise<{ gate?: string }>;
}) {
  const actor = await requireRole("clinician", "admin");
  const { patientId, assessmentId, n } = await params;
  const step = stepByNumber(Number(n));
  if (!step || String(step.n) !== n) notFound();
  const view = await loadAssessmentOr404(actor, patientId, assessmentId, `step ${step.n}`);
  const a = view.assessment;
  const base = `/patients/${patientId}/assessments/${assessmentId}`;
  if (a.status === "final") redirect(base);
  const patient = await loadPatientOr404(actor, patientId);
  const saved = new Set(STEPS.filter((s) => a.draft[s.key]).map((s) => s.n));
  const sport = (a.draft.load?.sport ?? patient.sport) as Sport;
  const { gate: gateSaved } = await searchParams;

  return (
    <div className="space-y-6">
      <AssessmentHeader patientId={patientId} patientName={fullName(patient)} kind={a.kind} status={a.status} />
      <Stepper base={base} current={step.n} saved={saved} />
      <h2 className="text-xl font-semibold">
        Step {step.n} of 7: {step.title}
      </h2>
      {step.key !== "review" ? (
        <StepForm
          // A new version remounts the form with the saved values.
          key={`${step.key}-${a.version}`}
          step={step.key}
          action={actions[step.key]}
          initial={a.draft[step.key] ?? {}}
          assessmentId={a.id}
          patientId={patientId}
          version={a.version}
          sport={sport}
          settings={view.settings}
        priorPsfsMean={view.priorPsfs?.mean}
          backHref={step.n > 1 ? `${base}/step/${step.n - 1}` : undefined}
        />
      ) : (
        <ReviewStep view={view} base={base} gateSaved={Boolean(gateSaved)} />
      )}
    </div>
  );
}

function ReviewStep({ view, base, gateSaved }: { view: Awaited<ReturnType<typeof loadAssessmentOr404>>; base: string; gateSaved: boolean }) {
  const a = view.assessment;
  const live = view.live!;
  const meta = { assessmentId: a.id, patientId: a.patientId, version: a.version };
  if (!live.ok) {
    return (
      <Card>
        <CardBody className="space-y-3">
          <p className="font-medium">Not ready to review yet:</p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {live.problems.map((p) => (
              <li key={p.message}>
                {p.message}{" "}
                <Link href={`${base}/step/${p.step}`} className="text-brand-700 underline">
                  Go to step {p.step}
                </Link>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    );
  }
  const { evaluation, gate } = live;
  return (
    <div className="space-y-6">
      {gate.urgent ? <UrgentBanner evaluation={evaluation} /> : null}
      <VerdictBanner evaluation={evaluation} />
      {gate.referRequired ? (
        <Card>
          <CardBody className="space-y-3">
            <h2 className="text-lg font-semibold">Red flag: referral needed before a plan</h2>
            {gate.referRecorded ? (
              <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
                {a.overrideReason ? `Override recorded: ${a.overrideReason}` : `Referral recorded: ${a.referralTo}, ${a.referralDate}.`}
                {gateSaved ? " Saved." : ""}
              </p>
            ) : (
              <p className="text-sm">Record the referral (to whom and when), or an override with your reason, before the plan can be made.</p>
            )}
            <GateForm
              key={a.version}
              action={recordGateAction}
              meta={meta}
              initial={{
                gate: a.overrideReason ? "override" : a.referralTo ? "referral" : "",
                referralTo: a.referralTo ?? "",
                referralDate: a.referralDate ?? "",
                overrideReason: a.overrideReason ?? "",
              }}
            />
          </CardBody>
        </Card>
      ) : null}
      <Reasons evaluation={evaluation} />
      <CapacityTable evaluation={evaluation} />
      <PsfsSummary psfs={live.input.psfs} prior={view.priorPsfs} />
      <Missing evaluation={evaluation} stepHref={(s) => `${base}/step/${s}`} />
      {gate.planAllowed ? <PlanPreview evaluation={evaluation} /> : null}
      {!gate.urgent && !gate.planAllowed && evaluation.plan ? (
        <p className="text-sm text-slate-700">The plan preview appears once the referral or override is recorded.</p>
      ) : null}
      <Card>
        <CardBody className="space-y-3">
          <h2 className="text-lg font-semibold">Finalize</h2>
          <p className="text-sm text-slate-700">
            Finalizing stores these answers, this decision and ruleset version {evaluation.rulesetVersion} as a record that cannot be
            changed. Later corrections are kept as amendments beside it.
          </p>
          {gate.blockers.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm font-medium text-red-800">
              {gate.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
              {gate.spinalScreenMissing.length ? (
                <li>
                  <Link href={`${base}/step/3`} className="underline">
                    Complete the red-flag screen
                  </Link>
                </li>
              ) : null}
            </ul>
          ) : null}
          <FinalizeForm
            key={a.version}
            action={finalizeAction}
            meta={meta}
            disabled={!gate.canFinalize}
            label={gate.urgent ? "Finalize assessment (no plan)" : "Finalize assessment"}
          />
        </CardBody>
      </Card>
    </div>
  );
}
