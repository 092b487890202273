import type { Metadata } from "next";
import { photoLinksForExercises } from "@/lib/exercise-media/photos-for-plan";
import { clinicianMediaUrl } from "@/lib/exercise-media/urls";
import { EXERCISE_LIBRARY } from "@/lib/plans/exercise-library";
import Link from "next/link";
import { notFound } from "next/navigation";
import { verdictWords } from "@/components/assessment/labels";
import { LinkPanel } from "@/components/plan/link-panel";
import { PlanEditor, type EditorStageMeta } from "@/components/plan/plan-editor";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { clinicTimeZone } from "@/lib/clinics/clinic-time-zone";
import { dayIn, formatClinicTime, formatDay } from "@/lib/time/clock";
import { requireRole } from "@/lib/auth/require-user";
import type { Verdict } from "@/lib/clinical";
import { isAppError } from "@/lib/errors";
import { toFormValues } from "@/lib/plans/content";
import { getPlan } from "@/lib/plans/get-plan";
import { gateMessage } from "@/lib/plans/plan-gate";
import { issueLinkAction, publishPlanAction, revokeLinkAction, savePlanAction, showLinkAction } from "./actions";
import { EditChangeForm } from "@/components/reviews/edit-change-form";
import { SuggestionBadge } from "@/components/reviews/review-card";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import type { QueuedSuggestion } from "@/lib/reviews/queue-order";
import { editReviewAction } from "../../../../reviews/actions";

export const metadata: Metadata = { title: "Plan" };


export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string; planId: string }>;
  searchParams: Promise<{ review?: string }>;
}) {
  const actor = await requireRole("clinician", "admin");
  const { patientId, planId } = await params;
  const reviewId = (await searchParams).review;
  let view;
  try {
    view = await getPlan(await getDb(), actor, patientId, planId);
  } catch (e) {
    if (isAppError(e) && e.kind === "not_found") notFound();
    throw e;
  }
  const { plan, latest } = view;
  const timeZone = await clinicTimeZone(await getDb(), actor.clinicId);
  // The clinic's own photos for the whole library, so a picked exercise shows its photo (ADR 0028).
  const photos = Object.fromEntries(
    [...(await photoLinksForExercises(await getDb(), actor.clinicId, EXERCISE_LIBRARY.map((e) => e.name)))].map(([name, p]) => [name, { src: clinicianMediaUrl(p.sha256), alt: p.alt }]),
  );
  const fmt = (d: Date | null) => (d ? formatClinicTime(d, timeZone) : "—");
  const verdict = plan.verdict as Verdict;
  const initial = toFormValues(latest.content, view.units, { planId, patientId, version: plan.version });
  // A stage's earlier reason carries over, so saving again does not ask for it twice.
  for (const o of latest.overrides) if (initial.stages[o.stage]) initial.stages[o.stage]!.reason = o.reason;
  const stages: EditorStageMeta[] = latest.content.stages.map((s, i) => {
    const engine = plan.enginePlan.stages.find((e) => e.key === s.key) ?? plan.enginePlan.stages[i]!;
    return {
      key: s.key,
      title: s.title,
      hasRunVolume: s.runVolumePct !== undefined,
      hasLongRun: engine.longRunKmMax !== undefined || s.longRunKmMax !== undefined,
      paused: s.pauseUntilCleared === true,
      engine,
      progressWhen: s.progressWhen,
      regressWhen: s.regressWhen,
    };
  });
  const base = `/patients/${patientId}/plans/${planId}`;
  // "Edit first" from the queue (issue 13): the pending review's change, filled in above the editor.
  const pendingReview = reviewId
    ? (await listReviewQueue(await getDb(), actor, { scope: "clinic", patientId })).items.find((i) => i.review.id === reviewId && i.review.planId === planId)
    : undefined;

  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href={`/patients/${patientId}`} className="text-brand-700 underline">
          ← {view.patientName}
        </Link>
        {" · "}
        <Link href={`/patients/${patientId}/assessments/${plan.assessmentId}`} className="text-brand-700 underline">
          Assessment
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Return-to-training plan · {view.patientName}</h1>
        <p className="text-sm text-slate-700">
          Verdict <strong>{verdictWords[verdict].title}</strong> · ruleset {plan.rulesetVersion} · latest version {plan.version} ·{" "}
          {view.units === "mi" ? "miles" : "kilometres"} · {view.paperSize === "LETTER" ? "Letter" : "A4"} paper
        </p>
      </header>

      {!view.gate.open ? (
        <section role="alert" aria-labelledby="gate-title" className="space-y-2 rounded-lg border-2 border-red-600 bg-red-50 px-5 py-4 text-red-950">
          <h2 id="gate-title" className="text-lg font-semibold">
            {view.gate.reason === "urgent_referral" ? "Withdrawn: urgent referral after an amendment" : "Publishing blocked: referral needed"}
          </h2>
          <p className="text-sm">
            {gateMessage[view.gate.reason]} Current verdict: <strong>{verdictWords[view.gate.verdict].title}</strong>
            {view.gate.amendmentSeq ? ` (amendment ${view.gate.amendmentSeq})` : ""}.
          </p>
          <p className="text-sm">
            <Link href={`/patients/${patientId}/assessments/${plan.assessmentId}`} className="font-medium text-brand-800 underline">
              {view.gate.reason === "referral_required" ? "Record the referral on the assessment" : "Open the assessment"}
            </Link>
          </p>
        </section>
      ) : plan.withdrawnAt && plan.publishedVersion === null ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          This plan was withdrawn from the patient on {fmt(plan.withdrawnAt)}. The referral is now on record: publish it again when it is
          right for the patient. Until then their link asks them to contact the clinic.
        </p>
      ) : null}

      <Card>
        <CardHeader>
          <h2 className="font-semibold">Publish and share</h2>
        </CardHeader>
        <CardBody className="space-y-4">
          <LinkPanel
            ids={{ planId, patientId }}
            version={plan.version}
            publishedVersion={plan.publishedVersion}
            blocked={!view.gate.open}
            link={
              view.link
                ? { issued: formatDay(dayIn(view.link.createdAt, timeZone)), expires: fmt(view.link.expiresAt), expired: view.link.expired, kept: view.link.kept }
                : null
            }
            actions={{ publish: publishPlanAction, issue: issueLinkAction, revoke: revokeLinkAction, show: showLinkAction }}
          />
          <p className="text-sm">
            <a href={`${base}/pdf?version=${plan.version}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">
              Preview the PDF of version {plan.version}
            </a>
            {plan.publishedVersion && plan.publishedVersion !== plan.version ? (
              <>
                {" · "}
                <a href={`${base}/pdf?version=${plan.publishedVersion}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                  PDF of the published version {plan.publishedVersion}
                </a>
              </>
            ) : null}
          </p>
        </CardBody>
      </Card>

      {reviewId && !pendingReview ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          That suggestion is no longer waiting: it was decided, or a newer check-in replaced it. <Link href="/reviews" className="underline">Back to Needs review</Link>
        </p>
      ) : null}
      {pendingReview ? (
        <section id="review-change" aria-labelledby="review-change-title" className="space-y-3 rounded-lg border-2 border-brand-600 bg-white p-5">
          <h2 id="review-change-title" className="text-lg font-semibold">
            Suggested change: <SuggestionBadge suggestion={pendingReview.review.suggestion as QueuedSuggestion} />
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {pendingReview.review.review.reasons.map((r) => (
              <li key={r.ruleId}>{r.summary}</li>
            ))}
          </ul>
          <p className="text-sm text-slate-700">
            Adjust the stage or the cut, and edit the plan below if needed (save it first): publishing uses the latest saved version,
            now version {plan.version}.
          </p>
          <EditChangeForm
            key={plan.version}
            action={editReviewAction}
            ids={{ patientId, planId, reviewId: pendingReview.review.id, reviewVersion: pendingReview.review.version, planVersion: plan.version }}
            stages={latest.content.stages.map((s) => ({ key: s.key, title: s.title }))}
            suggested={{
              stageKey: pendingReview.review.nextStageKey ?? latest.content.stages[0]!.key,
              doseCutPct: pendingReview.review.nextDoseCutPct ?? 0,
            }}
          />
        </section>
      ) : null}

      <PlanEditor action={savePlanAction} initial={initial} stages={stages} verdict={verdict} units={view.units} version={plan.version} photos={photos} />

      <Card>
        <CardHeader>
          <h2 className="font-semibold">Versions</h2>
        </CardHeader>
        <CardBody>
          <ol className="space-y-2 text-sm">
            {view.history.map((h) => (
              <li key={h.version}>
                <strong>Version {h.version}</strong>
                {h.version === 1 ? " (the engine's plan)" : ""} · {fmt(h.createdAt)} · {h.by}
                {plan.publishedVersion === h.version ? " · published" : ""}
                {h.overrides.length ? (
                  <ul className="mt-1 list-disc pl-5 text-amber-900">
                    {h.overrides.map((o) => (
                      <li key={o.stage}>
                        Stage {o.stage + 1} beyond the engine&apos;s limits ({o.crossings.length}): “{o.reason}”
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </CardBody>
      </Card>
    </div>
  );
}
