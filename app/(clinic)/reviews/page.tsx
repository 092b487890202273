import type { Metadata } from "next";
import Link from "next/link";
import { LogMinutesForm } from "@/components/monitoring/rtm-forms";
import { ReviewCard } from "@/components/reviews/review-card";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/require-user";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { unitOf } from "@/lib/plans/units";
import { patientsWithOpenRtmEpisode } from "@/lib/monitoring/episodes";
import { fullName } from "@/lib/patients/format";
import { decidedNotice } from "@/lib/reviews/decided-notice";
import { listReviewQueue, QUEUE_MAX_SHOWN, QUEUE_PAGE_SIZE, queueShown } from "@/lib/reviews/list-review-queue";
import { clinicToday, timeZoneOf } from "@/lib/time/clock";
import { clockForRequest } from "@/lib/time/request-clock";
import { headers } from "next/headers";
import { logRtmTimeAction } from "../patients/[patientId]/rtm/actions";
import { acknowledgeReviewAction, approveReviewAction, dismissReviewAction } from "./actions";

export const metadata: Metadata = { title: "Needs review" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ scope?: string; decided?: string; shown?: string; logged?: string }> }) {
  const actor = await requireRole("clinician", "admin");
  const sp = await searchParams;
  const scope = actor.role === "admin" && sp.scope === "clinic" ? "clinic" : "mine";
  const db = await getDb();
  const settings = await getClinicSettings(db, actor.clinicId);
  const timeZone = timeZoneOf(settings.timeZone);
  const today = clinicToday(clockForRequest(await headers()), timeZone);
  const shown = queueShown(sp.shown);
  const { items, total } = await listReviewQueue(db, actor, { scope, limit: shown });
  const notice = await decidedNotice(db, actor, sp.decided);
  // Only a patient with an open monitoring episode gets the quick minutes form (issue 19).
  const monitored = await patientsWithOpenRtmEpisode(db, actor.clinicId, items.map((i) => i.patient.id));
  const logged = sp.logged ? items.find((i) => i.patient.id === sp.logged)?.patient : undefined;
  const actions = { approve: approveReviewAction, dismiss: dismissReviewAction, acknowledge: acknowledgeReviewAction };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Needs review</h1>
          <p className="text-sm text-slate-600">
            {total === 0 ? "Nothing is waiting." : `${total} waiting: urgent and seek-care reports first, then regress, then progress; oldest first within each.`}
          </p>
        </div>
        {actor.role === "admin" ? (
          <nav aria-label="Whose patients" className="flex gap-3 text-sm">
            <Link href="/reviews" aria-current={scope === "mine" ? "page" : undefined} className={scope === "mine" ? "font-semibold" : "text-brand-700 underline"}>
              My caseload
            </Link>
            <Link href="/reviews?scope=clinic" aria-current={scope === "clinic" ? "page" : undefined} className={scope === "clinic" ? "font-semibold" : "text-brand-700 underline"}>
              Whole clinic
            </Link>
          </nav>
        ) : null}
      </div>
      {notice ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {notice}
        </p>
      ) : null}
      {logged ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          Minutes logged for {fullName(logged)}.
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-slate-600">
          No suggestions are waiting. The engine reviews each check-in as it arrives and puts anything to decide here.
        </p>
      ) : (
        <div className="space-y-4">
          {items.map((item) => (
            <ReviewCard key={item.review.id} item={item} today={today} timeZone={timeZone} units={unitOf(settings.units)} returnTo="queue"
              actions={actions}
              footer={
                monitored.has(item.patient.id) ? (
                  <details className="border-t border-slate-100 pt-3">
                    <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">Log monitoring minutes</summary>
                    <div className="mt-3">
                      <LogMinutesForm action={logRtmTimeAction} patientId={item.patient.id} today={today} returnTo="queue" reviewId={item.review.id} prefix={`q-${item.review.id}`} />
                    </div>
                  </details>
                ) : null
              }
            />
          ))}
        </div>
      )}
      {total > items.length ? (
        <p className="text-sm text-slate-600">
          Showing the first {items.length} of {total}.{" "}
          {shown < QUEUE_MAX_SHOWN ? (
            // A plain link: works without JavaScript, and the address says how many are shown.
            <Link href={`/reviews?${new URLSearchParams({ ...(scope === "clinic" ? { scope } : {}), shown: String(shown + QUEUE_PAGE_SIZE) })}`} className="text-brand-700 underline">
              Show {Math.min(QUEUE_PAGE_SIZE, total - items.length)} more
            </Link>
          ) : (
            "Decide these to see the rest."
          )}
        </p>
      ) : null}
    </div>
  );
}
