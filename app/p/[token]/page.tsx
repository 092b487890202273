import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlanReport } from "@/components/plan/plan-report";
import { WithheldNoticeView } from "@/components/plan/withheld-notice";
import { buildReportModel } from "@/lib/pdf/report-model";
import { loadPatientPlan } from "./load-patient-plan";

// The patient's private page: no account, the token is the credential. It shows the published
// plan and its PDF, and links to nothing else of the clinic.
export const metadata: Metadata = { title: "Your plan", referrer: "no-referrer" };

export default async function PatientPlanPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const r = await loadPatientPlan(token, "view");
  if (r.kind === "not_found") notFound();
  if (r.kind === "withheld") {
    return (
      <main>
        <WithheldNoticeView notice={r.notice} pdfHref={`/p/${token}/pdf`} />
      </main>
    );
  }
  const model = buildReportModel(r.report);
  return (
    <main>
      <PlanReport model={model} pdfHref={`/p/${token}/pdf`} />
    </main>
  );
}
