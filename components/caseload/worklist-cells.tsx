import { verdictWords } from "@/components/assessment/labels";
import type { Verdict } from "@/lib/clinical";
import { verdictTone } from "@/lib/clinical-labels";
import { formatClinicTime, formatDay } from "@/lib/time/clock";
import { isReviewSuggestion, reviewSuggestionWords, type ReviewSuggestion } from "@/lib/validation/worklist";

// The worklist's cells, shared by "My caseload" and the admin's clinic caseload so both read the
// same (issue 13). Dates are clinic days (YYYY-MM-DD) and compare as strings against the clinic's
// today; times are shown in the clinic's time zone.

const VERDICTS = Object.keys(verdictWords) as Verdict[];
const isVerdict = (v: string | null): v is Verdict => v !== null && (VERDICTS as string[]).includes(v);

/** An empty cell: a dash to the eye, a word to a screen reader. */
export function Empty({ words = "None" }: { words?: string }) {
  return (
    <>
      <span aria-hidden="true" className="text-slate-500">
        —
      </span>
      <span className="sr-only">{words}</span>
    </>
  );
}

const badge = "inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium";

const reviewTone: Record<ReviewSuggestion, string> = {
  // An urgent report is the one thing on the list that cannot wait: styled as an alert.
  urgent_care: "bg-red-700 font-semibold text-white ring-1 ring-red-800",
  seek_care: "bg-orange-50 text-orange-900 ring-1 ring-orange-300",
  regress: "bg-amber-50 text-amber-900 ring-1 ring-amber-300",
  progress: "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-300",
};

export function ReviewCell({ suggestion, waitingSince, timeZone }: { suggestion: string | null; waitingSince: Date | null; timeZone: string }) {
  if (!isReviewSuggestion(suggestion)) return <Empty words="Nothing waiting" />;
  return (
    <span className="flex flex-col items-start gap-0.5">
      <span className={`${badge} ${reviewTone[suggestion]}`} data-suggestion={suggestion}>
        {suggestion === "urgent_care" ? <span aria-hidden="true">! </span> : null}
        {reviewSuggestionWords[suggestion]}
      </span>
      {waitingSince ? <span className="min-w-36 text-xs text-slate-600">since {formatClinicTime(waitingSince, timeZone)}</span> : null}
    </span>
  );
}

export function VerdictCell({ verdict }: { verdict: string | null }) {
  if (!isVerdict(verdict)) return <Empty words="No assessment yet" />;
  return <span className={`${badge} ring-1 ${verdictTone[verdict]}`}>{verdictWords[verdict].title}</span>;
}

export function RedFlagCell({ open }: { open: boolean }) {
  return open ? <span className={`${badge} bg-red-100 font-semibold text-red-800`}>Open</span> : <Empty />;
}

/** Overdue when the due day is before the clinic's today, for a patient still under care. */
export const isOverdue = (r: { status: string; nextReassessmentDue: string | null }, today: string) =>
  r.status === "active" && r.nextReassessmentDue !== null && r.nextReassessmentDue < today;

export function DueCell({ due, overdue }: { due: string | null; overdue: boolean }) {
  if (!due) return <Empty words="Not set" />;
  return (
    <span className={`flex flex-col items-start gap-0.5 whitespace-nowrap ${overdue ? "font-semibold text-red-700" : ""}`}>
      {formatDay(due)}
      {overdue ? <span className={`${badge} bg-red-100 text-red-800`}>Overdue</span> : null}
    </span>
  );
}

export function LastCheckInCell({ day, today }: { day: string | null; today: string }) {
  if (!day) return <Empty words="No check-ins" />;
  return <span className="whitespace-nowrap">{day === today ? "Today" : formatDay(day)}</span>;
}

/**
 * A count over a moving window (flares in 7 days, data days in 30), as refreshed on `statsOn`;
 * when that was not today the number may be a day behind, so it says which day it counts to.
 */
export function WindowCountCell({ value, statsOn, today }: { value: number; statsOn: string | null; today: string }) {
  if (!statsOn) return <Empty words="No check-ins" />;
  return (
    <span className="flex flex-col items-start">
      <span className="tabular-nums">{value}</span>
      {statsOn !== today ? <span className="whitespace-nowrap text-xs text-slate-600">as of {formatDay(statsOn, { withYear: false })}</span> : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: "active" | "discharged" }) {
  return (
    <span className={status === "active" ? `${badge} bg-brand-50 text-brand-800` : `${badge} bg-slate-100 text-slate-700`}>
      {status === "active" ? "Active" : "Discharged"}
    </span>
  );
}
