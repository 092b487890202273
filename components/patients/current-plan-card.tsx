import "server-only";
import Link from "next/link";
import { headers } from "next/headers";
import { CheckInPainChart } from "@/components/checkins/pain-chart";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { dayText } from "@/lib/checkins/chart-series";
import { getPatientCheckInSummary, type LinkState, type PatientCheckInSummary } from "@/lib/checkins/patient-check-in-summary";
import { isAppError } from "@/lib/errors";
import { clockForRequest } from "@/lib/time/request-clock";

// The patient page's "Current plan" card (issue 13): the published plan, where the patient is in
// it, their link, their check-ins at a glance and the pain chart. It loads its own data so the
// page adds one element; the request's clock (the e2e test clock, else the system's) decides today.

export async function CurrentPlanCard({ actor, patientId }: { actor: Actor; patientId: string }) {
  let summary: PatientCheckInSummary;
  try {
    summary = await getPatientCheckInSummary(await getDb(), actor, patientId, clockForRequest(await headers()));
  } catch (e) {
    // The page has already answered 404 for a patient the caller may not see; nothing to add here.
    if (isAppError(e) && e.kind === "not_found") return null;
    throw e;
  }
  return <CurrentPlanCardView patientId={patientId} summary={summary} />;
}

const linkWords = (l: LinkState): { text: string; warn: boolean } => {
  switch (l.state) {
    case "live":
      return { text: `Live until ${l.expiresAt}`, warn: false };
    case "expired":
      return { text: `Expired on ${l.expiredAt}. Issue a new link from the plan so the patient can check in.`, warn: true };
    case "revoked":
      return { text: `Revoked on ${l.revokedAt}. Issue a new link from the plan so the patient can check in.`, warn: true };
    case "none":
      return { text: "No link issued. Issue one from the plan so the patient can check in.", warn: true };
  }
};

export function CurrentPlanCardView({ patientId, summary }: { patientId: string; summary: PatientCheckInSummary }) {
  const { plan, glance, chart } = summary;
  return (
    <Card aria-labelledby="current-plan-heading" data-testid="current-plan-card">
      <CardHeader className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="current-plan-heading" className="font-semibold">
          Current plan
        </h2>
        {plan ? (
          <Link href={`/patients/${patientId}/plans/${plan.planId}`} className="text-sm font-medium text-brand-700 underline">
            Open plan
          </Link>
        ) : null}
      </CardHeader>
      <CardBody className="space-y-5">
        {!plan ? (
          <p className="text-sm text-slate-700">No published plan. Create a plan from a final assessment and publish it to give the patient their link.</p>
        ) : (
          <>
            <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-3">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Stage</dt>
                <dd className="text-sm">
                  {plan.stage ? (
                    <>
                      <span className="font-medium">
                        Stage {plan.stage.number} of {plan.stage.of}: {plan.stage.title}
                      </span>
                      <span className="block text-slate-600">
                        Since {dayText(plan.stage.startedOn)}
                        {plan.stage.doseCutPct > 0 ? ` · dose cut by ${plan.stage.doseCutPct} %` : ""}
                      </span>
                    </>
                  ) : (
                    "Not recorded for the published version. Open the plan to set the stage."
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Published</dt>
                <dd className="text-sm">
                  Version {plan.publishedVersion}
                  <span className="block text-slate-600">{plan.publishedAt}</span>
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Patient link</dt>
                <dd className={linkWords(plan.link).warn ? "text-sm text-amber-800" : "text-sm"} data-testid="plan-link-state">
                  {linkWords(plan.link).text}
                </dd>
              </div>
            </dl>
            <section aria-labelledby="checkins-glance-heading" className="space-y-3">
              <h3 id="checkins-glance-heading" className="text-sm font-semibold">
                Check-ins at a glance
              </h3>
              {glance ? (
                <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="checkins-glance">
                  <Stat label="Sessions, last 7 days" value={String(glance.sessionsLast7Days)} />
                  <Stat label="Days with a check-in, last 30" value={String(glance.dataDaysLast30)} />
                  <Stat label="Last check-in" value={glance.lastCheckInOn ? dayText(glance.lastCheckInOn) : "None yet"} />
                  <Stat label="Flares in this stage" value={String(glance.flaresInStage)} warn={glance.flaresInStage > 0} />
                </dl>
              ) : (
                <p className="text-sm text-slate-700">Check-in figures need the patient&apos;s stage in the published version.</p>
              )}
              {chart ? <CheckInPainChart series={chart} /> : null}
            </section>
          </>
        )}
      </CardBody>
    </Card>
  );
}

function Stat({ label, value, warn = false }: { label: string; value: string; warn?: boolean }) {
  return (
    <div className={warn ? "rounded-md border border-red-200 bg-red-50 px-3 py-2" : "rounded-md border border-slate-200 bg-slate-50 px-3 py-2"}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={warn ? "text-lg font-semibold text-red-900" : "text-lg font-semibold"}>{value}</dd>
    </div>
  );
}
