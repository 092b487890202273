import { randomUUID } from "node:crypto";
import type { CheckInView } from "@/lib/checkins/get-check-in-view";
import { ACTIVITY_WORDS } from "@/lib/validation/checkin";
import { logMorningAction, logSessionAction } from "@/app/p/[token]/actions";
import { CheckInHistory } from "./history";
import { LightPanel } from "./light-panel";
import { MorningForm } from "./morning-form";
import { SessionForm } from "./session-form";

const SAVED: Record<string, string> = {
  session: "Saved. Thank you for logging your session.",
  morning: "Saved. Thank you for telling us about this morning.",
};

/**
 * The patient's check-ins on their link: what the plan says now (after a save), the morning
 * question for yesterday's sessions, "Log a session", and their history. Each form carries a
 * fresh idempotency key, so a double submit of the same page stores one check-in.
 */
export function CheckInSection({
  token,
  view,
  saved,
  showLight,
  open,
}: {
  token: string;
  view: CheckInView;
  saved?: string;
  showLight: boolean;
  /** False once the patient is discharged (lib/checkins/check-ins-open.ts): no forms, and no light the clinic no longer follows. */
  open: boolean;
}) {
  const savedText = saved && open ? SAVED[saved] : undefined;
  const light = view.light && view.light.level !== "urgent" && showLight && open ? view.light : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 pt-6 text-[17px] leading-relaxed text-slate-900">
      {view.position ? (
        <section aria-labelledby="position" className="rounded-lg bg-slate-900 p-4 text-white" data-testid="plan-position">
          <p className="text-xs font-semibold uppercase tracking-wide">Where you are</p>
          <h2 id="position" className="text-lg font-bold">
            {view.position.line}
          </h2>
          <p className="text-sm">{view.position.detail}</p>
        </section>
      ) : null}
      {savedText && !light ? (
        <p role="status" className="rounded-lg border-2 border-slate-900 p-3 font-semibold" id="now">
          {savedText}
        </p>
      ) : null}
      {light ? <LightPanel light={light} saved={savedText} /> : null}
      {open ? view.morningDue.map((c) => (
        <MorningForm
          key={c.id}
          action={logMorningAction}
          token={token}
          idempotencyKey={randomUUID()}
          checkInId={c.id}
          what={(ACTIVITY_WORDS[c.activity as keyof typeof ACTIVITY_WORDS] ?? c.activity).toLowerCase()}
        />
      )) : null}
      {open ? <SessionForm action={logSessionAction} token={token} idempotencyKey={randomUUID()} days={view.logDays} today={view.today} unit={view.units} /> : null}
      {/* Closed with nothing logged: "your sessions will show here" would no longer be true. */}
      {open || view.history.length > 0 ? <CheckInHistory rows={view.history} today={view.today} units={view.units} /> : null}
      <p>
        <a href="#plan" className="font-semibold underline">
          Read your full plan below
        </a>
      </p>
    </div>
  );
}
