"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import { dayWords } from "@/lib/checkins/day-words";
import { ACTIVITY_WORDS, DONE_WORDS, sessionFormSchema } from "@/lib/validation/checkin";
import { Choice, NumberBox, Score, Tick } from "./controls";
import { SymptomChecks } from "./symptom-checks";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** "Log a session": a server-action form that also works as a plain POST without JavaScript. */
export function SessionForm({
  action,
  token,
  idempotencyKey,
  days,
  today,
  unit,
}: {
  action: Action;
  token: string;
  idempotencyKey: string;
  days: string[];
  today: string;
  unit: "km" | "mi";
}) {
  const p = "log";
  const api = useServerForm(sessionFormSchema, action, { token, idempotencyKey, sessionDate: today });
  return (
    <form action={api.formAction} onSubmit={api.onSubmit} method="post" noValidate className="space-y-5" aria-labelledby="log-heading">
      <h2 id="log-heading" className="text-xl font-bold">
        Log a session
      </h2>
      <FormError message={api.state?.formError} />
      <input type="hidden" {...api.control("token")} />
      <input type="hidden" {...api.control("idempotencyKey")} />
      <NumberDay api={api} prefix={p} days={days} today={today} />
      <Choice api={api} prefix={p} name="activity" legend="What did you do?" options={Object.entries(ACTIVITY_WORDS)} />
      <Choice api={api} prefix={p} name="done" legend="How did it go?" options={Object.entries(DONE_WORDS)} />
      <div className="grid grid-cols-2 gap-3">
        <NumberBox api={api} prefix={p} name="minutes" label="Minutes" />
        <NumberBox api={api} prefix={p} name="distance" label={`Distance (${unit})`} hint="If you ran, walked or rode" />
      </div>
      <Score api={api} prefix={p} name="painDuringNrs" legend="Worst pain during the session" hint="0 = no pain, 10 = the worst pain you can imagine" />
      <Score api={api} prefix={p} name="effortRpe" legend="How hard did it feel? (optional)" hint="0 = resting, 10 = as hard as you could go" />
      <fieldset className="space-y-2">
        <legend className="text-base font-semibold text-slate-900">During the session (tick if so)</legend>
        <Tick api={api} prefix={p} name="sharpPain" label="I had sharp or catching pain" />
        <Tick api={api} prefix={p} name="alteredMovement" label="I limped or changed how I moved to protect it" />
      </fieldset>
      <SymptomChecks api={api} prefix={p} />
      <div className="space-y-1">
        <label htmlFor={`${p}-note`} className="block text-base font-semibold text-slate-900">
          Anything else? (optional)
        </label>
        <textarea id={`${p}-note`} {...api.control("note")} rows={2} maxLength={500} className="block w-full rounded-lg border border-slate-400 px-3 py-2" />
        {api.errorFor("note") ? (
          <p className="text-sm font-semibold text-red-800" data-field-error>
            {api.errorFor("note")}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={api.pending} className="block min-h-12 w-full rounded-lg bg-slate-900 px-4 py-3 text-lg font-semibold text-white disabled:opacity-70">
        {api.pending ? "Saving…" : "Save this session"}
      </button>
    </form>
  );
}

function NumberDay({ api, prefix, days, today }: { api: ReturnType<typeof useServerForm>; prefix: string; days: string[]; today: string }) {
  const id = `${prefix}-sessionDate`;
  const err = api.errorFor("sessionDate");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-base font-semibold text-slate-900">
        When?
      </label>
      <select
        id={id}
        {...api.control("sessionDate")}
        aria-invalid={Boolean(err)}
        aria-describedby={err ? `${id}-error` : undefined}
        className="block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 text-lg aria-[invalid=true]:border-red-700"
      >
        {days.map((d) => (
          <option key={d} value={d}>
            {dayWords(d, today)}
          </option>
        ))}
      </select>
      {err ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800" data-field-error>
          {err}
        </p>
      ) : null}
    </div>
  );
}
