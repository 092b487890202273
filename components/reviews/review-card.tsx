import Link from "next/link";
import { describeSource } from "@/lib/clinical";
import { dayWords } from "@/lib/checkins/day-words";
import type { ActionState } from "@/lib/auth/action-state";
import { fullName } from "@/lib/patients/format";
import { formatDistance, type DistanceUnit } from "@/lib/plans/units";
import type { QueueItem } from "@/lib/reviews/list-review-queue";
import type { QueuedSuggestion } from "@/lib/reviews/queue-order";
import { SUGGESTION_WORDS } from "@/lib/reviews/suggestion-words";
import { formatClinicTime } from "@/lib/time/clock";
import { cn } from "@/lib/utils";
import { ACTIVITY_WORDS, DONE_WORDS, MORNING_WORDS } from "@/lib/validation/checkin";
import { DecisionControls } from "./decision-controls";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

const TONE = {
  urgent: "border-red-600 bg-red-50 text-red-900",
  warn: "border-amber-500 bg-amber-50 text-amber-950",
  calm: "border-slate-400 bg-slate-50 text-slate-900",
  good: "border-emerald-600 bg-emerald-50 text-emerald-900",
} as const;

export function SuggestionBadge({ suggestion }: { suggestion: QueuedSuggestion }) {
  const w = SUGGESTION_WORDS[suggestion];
  return <span className={cn("inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold", TONE[w.tone])}>{w.label}</span>;
}

/** The move approval would make, e.g. "Stage 1: Reduce → Stage 2: Rebuild" or "Stage 1: Reduce, 10 % less". */
function moveWords(item: QueueItem): string | null {
  const r = item.review;
  if (r.suggestion !== "progress" && r.suggestion !== "regress") return null;
  const name = (key: string | null) => {
    const i = item.stages.findIndex((s) => s.key === key);
    return i < 0 ? (key ?? "") : `Stage ${i + 1}: ${item.stages[i]!.title}`;
  };
  if (r.nextDoseCutPct !== null) return `Stay on ${name(r.nextStageKey)}, ${r.nextDoseCutPct} % less in all`;
  return r.suggestion === "progress" ? `Move on to ${name(r.nextStageKey)}` : `Step back to ${name(r.nextStageKey)}`;
}

function ReasonList({ reasons }: { reasons: QueueItem["review"]["review"]["reasons"] }) {
  return (
    <ul className="space-y-2">
      {reasons.map((reason) => (
        <li key={reason.ruleId} className="text-sm">
          <p>{reason.summary}</p>
          <p className="text-xs text-slate-600">Source: {describeSource(reason.source)}</p>
          <details className="text-xs text-slate-500">
            <summary className="cursor-pointer">Details</summary>
            Rule <code>{reason.ruleId}</code> · suggests {reason.suggestion.replace("_", " ")}
          </details>
        </li>
      ))}
    </ul>
  );
}

export function ReviewCard({
  item,
  today,
  timeZone,
  units,
  returnTo,
  actions,
  footer,
}: {
  item: QueueItem;
  today: string;
  timeZone: string;
  units: DistanceUnit;
  returnTo: "queue" | "patient";
  actions: { approve: Action; dismiss: Action; acknowledge: Action };
  /** More for this patient below the decision, e.g. the quick RTM minutes form on the queue. */
  footer?: React.ReactNode;
}) {
  const r = item.review;
  const suggestion = r.suggestion as QueuedSuggestion;
  const move = moveWords(item);
  const headingId = `review-${r.id}`;
  return (
    <article aria-labelledby={headingId} className={cn("space-y-4 rounded-lg border bg-white p-5", suggestion === "urgent_care" ? "border-2 border-red-600" : "border-slate-200")}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          <SuggestionBadge suggestion={suggestion} />{" "}
          {returnTo === "queue" ? (
            <Link href={`/patients/${item.patient.id}`} className="text-brand-800 underline">
              {fullName(item.patient)}
            </Link>
          ) : (
            <span>Suggested by the check-ins</span>
          )}
        </h2>
        <p className="text-sm text-slate-600">
          Waiting since {formatClinicTime(r.createdAt, timeZone)} · ruleset {r.rulesetVersion}
        </p>
      </header>
      {move ? <p className="font-medium">{move}</p> : null}
      <section aria-label="Reasons">
        <ReasonList reasons={r.review.reasons.filter((x) => x.suggestion === suggestion)} />
        {r.review.reasons.some((x) => x.suggestion !== suggestion) ? (
          <details className="mt-2">
            <summary className="cursor-pointer text-sm text-slate-700">Also noted ({r.review.reasons.filter((x) => x.suggestion !== suggestion).length})</summary>
            <div className="mt-2">
              <ReasonList reasons={r.review.reasons.filter((x) => x.suggestion !== suggestion)} />
            </div>
          </details>
        ) : null}
        {r.review.missing.length ? <p className="mt-2 text-xs text-slate-600">Answers still missing: {r.review.missing.length}.</p> : null}
      </section>
      <details open={suggestion === "urgent_care" || suggestion === "seek_care"}>
        <summary className="cursor-pointer text-sm font-medium">The check-ins behind it ({item.checkIns.length})</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Check-ins the review read, newest first</caption>
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">Day</th>
                <th scope="col" className="py-1 pr-3">Session</th>
                <th scope="col" className="py-1 pr-3">Pain during</th>
                <th scope="col" className="py-1 pr-3">Next morning</th>
                <th scope="col" className="py-1">Flags</th>
              </tr>
            </thead>
            <tbody>
              {item.checkIns.slice(0, 14).map((c) => {
                const flags = [
                  c.sharpPain && "sharp pain",
                  c.alteredMovement && "moved differently",
                  c.morningStiffnessOver30Min && "stiff > 30 min",
                  c.saddleNumbness && "saddle numbness",
                  c.bladderOrBowelChange && "bladder or bowel change",
                  c.bothLegs && "both legs",
                  c.calfSwellingRednessHeat && "calf swollen, red, hot",
                  c.chestPainOrBreathlessness && "chest pain or breathless",
                  c.tinglingOrNumbnessDownLeg && "tingling down the leg",
                  c.feverOrUnwell && "fever or unwell",
                  c.enteredBy && "typed in from paper",
                ].filter(Boolean);
                return (
                  <tr key={c.id} className="border-t border-slate-100">
                    <td className="py-1 pr-3">{dayWords(c.sessionDate, today)}</td>
                    <td className="py-1 pr-3">
                      {ACTIVITY_WORDS[c.activity as keyof typeof ACTIVITY_WORDS] ?? c.activity}, {(DONE_WORDS[c.done as keyof typeof DONE_WORDS] ?? c.done).toLowerCase()}
                      {c.minutes !== null ? `, ${c.minutes} min` : ""}
                      {c.distanceKm !== null ? `, ${formatDistance(c.distanceKm, units)}` : ""}
                    </td>
                    <td className="py-1 pr-3">{c.painDuringNrs !== null ? `${c.painDuringNrs}/10` : "—"}</td>
                    <td className="py-1 pr-3">
                      {c.morningComparedWithBefore
                        ? `${MORNING_WORDS[c.morningComparedWithBefore as keyof typeof MORNING_WORDS] ?? c.morningComparedWithBefore}${c.morningPainNrs !== null ? `, ${c.morningPainNrs}/10` : ""}`
                        : c.done === "skipped"
                          ? "—"
                          : "Not answered"}
                    </td>
                    <td className="py-1">{flags.join(", ") || "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
      <DecisionControls
        r={{ patientId: item.patient.id, reviewId: r.id, reviewVersion: r.version, returnTo }}
        kind={suggestion === "progress" || suggestion === "regress" ? "move" : "care"}
        editHref={`/patients/${item.patient.id}/plans/${r.planId}?review=${r.id}#review-change`}
        approveBlockedBy={item.unpublishedChanges ? "The plan has saved changes that are not published yet: use Edit first to publish them with this change." : undefined}
        actions={actions}
      />
      {footer}
    </article>
  );
}
