import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckInSection } from "@/components/checkins/check-in-section";
import { LightPanel } from "@/components/checkins/light-panel";
import { FinishedNoticeView } from "@/components/plan/finished-notice";
import { PlanReport, type ReportPhoto } from "@/components/plan/plan-report";
import { WithheldNoticeView } from "@/components/plan/withheld-notice";
import { getDb } from "@/db/client";
import { getCheckInView } from "@/lib/checkins/get-check-in-view";
import { photoLinksForExercises } from "@/lib/exercise-media/photos-for-plan";
import { patientMediaUrl } from "@/lib/exercise-media/urls";
import { buildReportModel } from "@/lib/pdf/report-model";
import { loadPatientPlan } from "./load-patient-plan";

// The patient's private page: no account, the token is the credential. It shows where they are
// in the plan, what the plan says now, their check-ins (log a session, the morning after, their
// history) and the published plan with its PDF, and links to nothing else of the clinic. An
// urgent symptom comes first, before anything else. Once the patient is discharged the plan stays,
// under a notice saying whom to contact, and the check-in forms are gone (ADR 0018).
// Referrer: same-origin, not no-referrer: under no-referrer Chromium posts a form with `Origin: null`,
// and Next refuses that server action, so the check-in would fail without JavaScript (as ADR 0007
// found for the whole app). same-origin still never sends the token in a Referer to another site.
export const metadata: Metadata = { title: "Your plan", referrer: "same-origin" };

type Props = { params: Promise<{ token: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

export default async function PatientPlanPage({ params, searchParams }: Props) {
  const { token } = await params;
  const sp = (await searchParams) ?? {};
  const saved = typeof sp.saved === "string" && (sp.saved === "session" || sp.saved === "morning") ? sp.saved : undefined;
  const r = await loadPatientPlan(token, "view");
  if (r.kind === "not_found") notFound();
  const view = await getCheckInView(await getDb(), r.plan, { withheld: r.kind === "withheld" }, r.clock);
  const urgent = view.light?.level === "urgent" ? <LightPanel light={view.light} /> : null;
  if (r.kind === "withheld") {
    // The gate is closed (ADR 0013): check-ins still record, but the page keeps only the notice.
    return (
      <main>
        {urgent ? <div className="mx-auto max-w-2xl px-4 pt-6">{urgent}</div> : null}
        <WithheldNoticeView notice={r.notice} pdfHref={`/p/${token}/pdf`} />
        <CheckInSection token={token} view={{ ...view, position: null }} saved={saved} showLight={false} open={r.checkIns.open} />
      </main>
    );
  }
  const model = buildReportModel(r.report);
  // The clinic's own photos replace the drawings, served under this link (ADR 0028).
  const found = await photoLinksForExercises(await getDb(), r.plan.clinicId, model.stages.flatMap((s) => s.strength.map((x) => x.exercise)));
  const photos = new Map<string, ReportPhoto>([...found].map(([name, p]) => [name, { src: patientMediaUrl(token, p.sha256), alt: p.alt, videoUrl: p.videoUrl }]));
  return (
    <main>
      {urgent ? <div className="mx-auto max-w-2xl px-4 pt-6">{urgent}</div> : null}
      {r.checkIns.open ? null : (
        <div className="mx-auto max-w-2xl px-4 pt-6 text-[17px] leading-relaxed text-slate-900">
          <FinishedNoticeView notice={r.checkIns.notice} />
        </div>
      )}
      <CheckInSection token={token} view={view} saved={saved} showLight open={r.checkIns.open} />
      <div id="plan">
        <PlanReport model={model} pdfHref={`/p/${token}/pdf`} photos={photos} />
      </div>
    </main>
  );
}
