import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentHistory } from "@/components/assessment/history";
import { NewAssessmentButton } from "@/components/assessment/new-assessment-button";
import { CurrentPlanCard } from "@/components/patients/current-plan-card";
import { CapacityChart, LefsChart, PainChart } from "@/components/assessment/progress-charts";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import type { AssessmentSnapshotInput } from "@/lib/assessments/build-input";
import { chartData } from "@/lib/assessments/chart-data";
import { listAssessments } from "@/lib/assessments/list-assessments";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/require-user";
import { ageOn, fullName } from "@/lib/patients/format";
import { levelLabels, sexLabels, sportLabels } from "@/lib/validation/patient";
import { createDraftAction } from "./assessments/actions";
import { listHeldPlans } from "@/lib/plans/list-plan-gates";
import { gateMessage } from "@/lib/plans/plan-gate";
import { loadPatientOr404 } from "./load-patient";
import { ReviewCard } from "@/components/reviews/review-card";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { unitOf } from "@/lib/plans/units";
import { currentPublishedPlan } from "@/lib/reviews/current-plan";
import { decidedNotice } from "@/lib/reviews/decided-notice";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { refreshPatientReviews } from "@/lib/reviews/refresh-review";
import { clinicToday, timeZoneOf } from "@/lib/time/clock";
import { clockForRequest } from "@/lib/time/request-clock";
import { headers } from "next/headers";
import { acknowledgeReviewAction, approveReviewAction, dismissReviewAction } from "../../reviews/actions";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ created?: string; saved?: string; draftSaved?: string; decided?: string }>;
}) {
  const actor = await requireRole("clinician", "admin");
  const { patientId } = await params;
  const flags = await searchParams;
  const p = await loadPatientOr404(actor, patientId);
  const history = await listAssessments(await getDb(), actor, p.id);
  const held = await listHeldPlans(await getDb(), actor, p.id);
  // Opening the patient brings the engine's review up to date (issue 13): a suggestion that
  // became due with the calendar appears now, in the queue and here.
  const db = await getDb();
  const clock = clockForRequest(await headers());
  await refreshPatientReviews(db, actor.clinicId, p.id, clock);
  const pending = await listReviewQueue(db, actor, { scope: "clinic", patientId: p.id });
  const settings = await getClinicSettings(db, actor.clinicId);
  const timeZone = timeZoneOf(settings.timeZone);
  const decided = await decidedNotice(db, actor, flags.decided);
  const current = await currentPublishedPlan(db, actor.clinicId, p.id);
  const openDraft = history.find((h) => h.assessment.status === "draft");
  const hasFinal = history.some((h) => h.assessment.status === "final");
  const charts = chartData(
    history
      .filter((h) => h.snapshot)
      .reverse()
      .map((h) => ({
        date: (h.assessment.finalizedAt ?? h.assessment.createdAt).toISOString().slice(0, 10),
        input: h.snapshot!.input as AssessmentSnapshotInput,
        evaluation: h.snapshot!.evaluation,
      })),
  );
  const rows: Array<[string, string]> = [
    ["Date of birth", `${p.dateOfBirth} (${ageOn(p.dateOfBirth)} years)`],
    ["Sex", sexLabels[p.sex]],
    ["Sport", `${sportLabels[p.sport]}${p.level ? ` · ${levelLabels[p.level]}` : ""}`],
    ["Email", p.email ?? "—"],
    ["Phone", p.phone ?? "—"],
    ["Clinician", p.clinicianName],
    ["Status", p.status === "active" ? "Active" : "Discharged"],
  ];
  return (
    <div className="space-y-6">
      {flags.created || flags.saved || flags.draftSaved ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {flags.created ? "Patient added." : flags.draftSaved ? "Assessment draft saved. Resume it any time." : "Changes saved."}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600">
            <Link href="/patients" className="hover:underline">
              My caseload
            </Link>{" "}
            /
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{fullName(p)}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {actor.role === "admin" ? (
            <Button variant="ghost" asChild>
              <Link href={`/admin/audit?patient=${p.id}`}>Who saw this record?</Link>
            </Button>
          ) : null}
          {current && p.status === "active" ? (
            <Button variant="outline" asChild>
              <Link href={`/patients/${p.id}/check-ins/new`}>Enter a paper log</Link>
            </Button>
          ) : null}
          <Button variant="outline" asChild>
            <Link href={`/patients/${p.id}/rtm`}>Remote monitoring</Link>
            </Button>
            <Button variant="outline" asChild>
            {/* A file download from the API (FHIR R4 Bundle, docs/fhir.md), not a page: a plain link. */}
            <a href={`/api/v1/patients/${p.id}/fhir`} download>
              Download FHIR
            </a>
          </Button>
          <Button variant="outline" asChild>
            <Link href={`/patients/${p.id}/edit`}>Edit details</Link>
          </Button>
          <NewAssessmentButton
            action={createDraftAction}
            patientId={p.id}
            label={openDraft ? "Resume assessment" : hasFinal ? "New reassessment" : "New assessment"}
          />
        </div>
      </div>
      {held.map((h) => (
        <section key={h.planId} role="alert" aria-label="Plan withdrawn" className="space-y-1 rounded-lg border-2 border-red-600 bg-red-50 px-5 py-4 text-sm text-red-950">
          <h2 className="text-base font-semibold">
            {h.gate.open
              ? "Plan withdrawn: not published again yet"
              : h.gate.reason === "urgent_referral"
                ? "Plan withdrawn: urgent referral after an amendment"
                : "Plan held back: referral needed after an amendment"}
          </h2>
          <p>
            {h.gate.open
              ? "The referral is on record. The patient's link asks them to contact the clinic until you publish the plan again."
              : gateMessage[h.gate.reason]}
          </p>
          <p>
            <Link href={`/patients/${p.id}/plans/${h.planId}`} className="font-medium text-brand-800 underline">
              Open the plan
            </Link>
            {" · "}
            <Link href={`/patients/${p.id}/assessments/${h.assessmentId}`} className="font-medium text-brand-800 underline">
              Open the assessment
            </Link>
          </p>
        </section>
      ))}
      {decided ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {decided}
        </p>
      ) : null}
      {pending.items.length ? (
        <section aria-label="Needs your review" className="space-y-3">
          {pending.items.map((item) => (
            <ReviewCard
              key={item.review.id}
              item={item}
              today={clinicToday(clock, timeZone)}
              timeZone={timeZone}
              units={unitOf(settings.units)}
              returnTo="patient"
              actions={{ approve: approveReviewAction, dismiss: dismissReviewAction, acknowledge: acknowledgeReviewAction }}
            />
          ))}
        </section>
      ) : null}
      <CurrentPlanCard actor={actor} patientId={p.id} />
      <Card>
        <CardHeader>
          <h2 className="font-semibold">Details</h2>
        </CardHeader>
        <CardBody>
          <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-2">
            {rows.map(([k, v]) => (
              <div key={k}>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{k}</dt>
                <dd className="text-sm">{v}</dd>
              </div>
            ))}
          </dl>
          {p.notes ? (
            <div className="mt-5">
              <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Notes</h3>
              <p className="mt-1 whitespace-pre-wrap text-sm">{p.notes}</p>
            </div>
          ) : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2 className="font-semibold">Assessments</h2>
        </CardHeader>
        <CardBody>
          <AssessmentHistory patientId={p.id} items={history} />
        </CardBody>
      </Card>
      {charts.pain.length ? (
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Progress</h2>
          </CardHeader>
          <CardBody className="grid gap-6 md:grid-cols-2">
            <PainChart data={charts.pain} />
            {charts.lefs.length ? <LefsChart data={charts.lefs} /> : null}
            {charts.capacity.map((c) => (
              <CapacityChart key={c.test} series={c} />
            ))}
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
