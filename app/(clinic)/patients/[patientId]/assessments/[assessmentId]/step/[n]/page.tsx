import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { FinalizeForm, GateForm } from "@/components/assessment/review-forms";
import { CapacityTable, LefsSummary, Missing, PlanPreview, PsfsSummary, Reasons, shownMissing, UrgentBanner, VerdictBanner } from "@/components/assessment/review";
import { StepForm } from "@/components/assessment/step-form";
import { Stepper } from "@/components/assessment/stepper";
import { missingLabel } from "@/components/assessment/labels";
import { fitOfDraft, fitOfInput, type FitContext } from "@/lib/assessments/question-fit";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/require-user";
import type { Evaluation, Region, Sport } from "@/lib/clinical";
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
  searchParams: Promise<{ gate?: string; confirm?: string }>;
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
  const { gate: gateSaved, confirm } = await searchParams;

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
          priorLefsTotal={view.priorLefs?.total}
          fit={fitOfDraft(a.draft)}
          backHref={step.n > 1 ? `${base}/step/${step.n - 1}` : undefined}
        />
      ) : (
        <ReviewStep view={view} base={base} gateSaved={Boolean(gateSaved)} confirming={confirm === "1"} />
      )}
    </div>
  );
}

function ReviewStep({
  view,
  base,
  gateSaved,
  confirming,
}: {
  view: Awaited<ReturnType<typeof loadAssessmentOr404>>;
  base: string;
  gateSaved: boolean;
  confirming: boolean;
}) {
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
  const stepHref = (s: number) => `${base}/step/${s}`;
  const fit = fitOfInput(live.input);
  if (gate.redFlagScreenMissing.length) {
    // No decision is shown while the screen is incomplete: a verdict, its reasons or a plan here
    // would read as the answer (issue 11). Only an urgent answer already given is shown, because
    // it must be acted on whatever the other answers are.
    return (
      <div className="space-y-6">
        {gate.urgent ? <UrgentBanner evaluation={evaluation} /> : null}
        <section aria-labelledby="incomplete-title" className="space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 px-5 py-4 text-amber-950">
          <h2 id="incomplete-title" className="text-lg font-semibold">
            No decision yet: the red-flag screen is incomplete
          </h2>
          <p className="text-sm">
            {gate.redFlagScreenMissing.length} of the red-flag questions are unanswered. Answer each yes or no, or mark it “Not asked” with a
            reason. The verdict and the plan appear once the screen is complete.
          </p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {gate.redFlagScreenMissing.map((m) => (
              <li key={m.key}>{m.label}</li>
            ))}
          </ul>
          <p>
            <Link href={stepHref(3)} className="font-medium text-brand-800 underline">
              Complete the red-flag screen (step 3)
            </Link>
          </p>
        </section>
        <OtherMissing evaluation={evaluation} fit={fit} stepHref={stepHref} />
      </div>
    );
  }
  const notAsked = live.input.redFlagsNotAsked;
  return (
    <div className="space-y-6">
      {gate.urgent ? <UrgentBanner evaluation={evaluation} /> : null}
      <VerdictBanner evaluation={evaluation} />
      {notAsked ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {notAsked.keys.length} red-flag question{notAsked.keys.length > 1 ? "s were" : " was"} not asked: “{notAsked.reason}”.
        </p>
      ) : null}
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
      <Reasons evaluation={evaluation} region={fit.region as Region | "none"} />
      <CapacityTable evaluation={evaluation} />
      <PsfsSummary psfs={live.input.psfs} prior={view.priorPsfs} />
      <LefsSummary lefs={live.input.lefs} prior={view.priorLefs} />
      <Missing evaluation={evaluation} fit={fit} stepHref={stepHref} />
      {gate.planAllowed ? <PlanPreview evaluation={evaluation} /> : null}
      {!gate.urgent && !gate.planAllowed && evaluation.plan ? (
        <p className="text-sm text-slate-700">The plan preview appears once the referral or override is recorded.</p>
      ) : null}
      <Card>
        <CardBody className="space-y-3">
          <h2 id="finalize-title" className="text-lg font-semibold">
            {confirming && gate.canFinalize ? "Finalize: check once more" : "Finalize"}
          </h2>
          <p className="text-sm text-slate-700">
            Finalizing stores these answers, this decision and ruleset version {evaluation.rulesetVersion} as a record that cannot be
            changed. Later corrections are kept as amendments beside it.
          </p>
          {gate.blockers.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm font-medium text-red-800">
              {gate.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          ) : null}
          {confirming && gate.canFinalize ? (
            <div className="space-y-3" role="group" aria-labelledby="finalize-title">
              <OtherMissing evaluation={evaluation} fit={fit} stepHref={stepHref} confirm />
              {notAsked ? (
                <p className="text-sm">
                  Red-flag questions not asked: {notAsked.keys.length} (“{notAsked.reason}”).
                </p>
              ) : null}
              <div className="flex flex-wrap items-center gap-3">
                <FinalizeForm
                  key={a.version}
                  action={finalizeAction}
                  meta={meta}
                  label={gate.urgent ? "Yes, finalize assessment (no plan)" : "Yes, finalize assessment"}
                />
                <Link href={stepHref(7)} className="text-sm text-brand-700 underline">
                  Not yet: back to the review
                </Link>
              </div>
            </div>
          ) : (
            // A plain GET to the confirmation: works without JavaScript, writes nothing.
            <form method="get" action={stepHref(7)}>
              <input type="hidden" name="confirm" value="1" />
              <Button type="submit" size="lg" disabled={!gate.canFinalize}>
                {gate.urgent ? "Finalize assessment (no plan)" : "Finalize assessment"}
              </Button>
            </form>
          )}
        </CardBody>
      </Card>
    </div>
  );
}

/** What is still unanswered apart from the red-flag screen, as questions with links to their steps. */
function OtherMissing({ evaluation, fit, stepHref, confirm }: { evaluation: Evaluation; fit: FitContext; stepHref: (n: number) => string; confirm?: boolean }) {
  // Questions this patient was not asked (they do not fit the region or sport) are not "unanswered".
  const other = shownMissing(evaluation, fit).filter((p) => !p.startsWith("redFlags."));
  if (!other.length) return <p className="text-sm text-slate-700">Nothing else that could change the decision is unanswered.</p>;
  return (
    <section aria-labelledby="other-missing-title">
      <h3 id="other-missing-title" className="font-semibold">
        {confirm ? `Still unanswered (${other.length}): finalize anyway?` : `Also unanswered (${other.length})`}
      </h3>
      <p className="text-sm text-slate-700">Answers that could make the decision more cautious.</p>
      <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
        {other.map((p) => {
          const m = missingLabel(p);
          return (
            <li key={p}>
              {m.label}
              {m.step ? (
                <>
                  {" "}
                  <Link href={stepHref(m.step)} className="text-brand-700 underline">
                    step {m.step}
                  </Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
