import type { CheckInRow } from "@/db/schema";
import { dayWords } from "@/lib/checkins/day-words";
import { formatDistance, type DistanceUnit } from "@/lib/plans/units";
import { ACTIVITY_WORDS, DONE_WORDS, MORNING_WORDS } from "@/lib/validation/checkin";

/** The patient's own check-ins, newest first, in words. */
export function CheckInHistory({ rows, today, units }: { rows: CheckInRow[]; today: string; units: DistanceUnit }) {
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h2 id="history-heading" className="text-xl font-bold">
        Your check-ins
      </h2>
      {rows.length === 0 ? (
        <p className="text-slate-700">Nothing logged yet. Your sessions will show here.</p>
      ) : (
        <ol className="space-y-2" data-testid="checkin-history">
          {rows.map((r) => {
            const bits = [DONE_WORDS[r.done as keyof typeof DONE_WORDS] ?? r.done];
            if (r.minutes !== null) bits.push(`${r.minutes} min`);
            if (r.distanceKm !== null) bits.push(formatDistance(r.distanceKm, units));
            if (r.painDuringNrs !== null) bits.push(`pain ${r.painDuringNrs}/10`);
            if (r.sharpPain) bits.push("sharp pain");
            if (r.alteredMovement) bits.push("limped or moved differently");
            const morning =
              r.morningComparedWithBefore !== null
                ? `Next morning: ${MORNING_WORDS[r.morningComparedWithBefore as keyof typeof MORNING_WORDS]?.toLowerCase() ?? r.morningComparedWithBefore}${r.morningPainNrs !== null ? `, pain ${r.morningPainNrs}/10` : ""}${r.morningStiffnessOver30Min ? ", stiff over 30 minutes" : ""}.`
                : r.done === "skipped"
                  ? null
                  : "Next morning: not answered yet.";
            return (
              <li key={r.id} className="rounded-lg border border-slate-300 p-3">
                <p className="font-semibold">
                  {dayWords(r.sessionDate, today)}: {ACTIVITY_WORDS[r.activity as keyof typeof ACTIVITY_WORDS] ?? r.activity}
                </p>
                <p>{bits.join(" · ")}</p>
                {morning ? <p className="text-slate-700">{morning}</p> : null}
                {r.enteredBy ? <p className="text-sm text-slate-600">Entered by the clinic from your paper log.</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
