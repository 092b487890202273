"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import { MORNING_WORDS, morningFormSchema } from "@/lib/validation/checkin";
import { Choice, Score, Tick } from "./controls";
import { SymptomChecks } from "./symptom-checks";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** "How is it this morning?" for one of yesterday's sessions (the 24-hour check). */
export function MorningForm({ action, token, idempotencyKey, checkInId, what }: { action: Action; token: string; idempotencyKey: string; checkInId: string; what: string }) {
  const p = `morning-${checkInId.slice(0, 8)}`;
  const api = useServerForm(morningFormSchema, action, { token, idempotencyKey, checkInId });
  return (
    <form action={api.formAction} onSubmit={api.onSubmit} method="post" noValidate className="space-y-5 rounded-lg border-2 border-slate-900 p-4" aria-labelledby={`${p}-heading`}>
      <div>
        <h2 id={`${p}-heading`} className="text-xl font-bold">
          How is it this morning?
        </h2>
        <p className="text-slate-700">About yesterday&apos;s session: {what}.</p>
      </div>
      <FormError message={api.state?.formError} />
      <input type="hidden" {...api.control("token")} />
      <input type="hidden" {...api.control("idempotencyKey")} />
      <input type="hidden" {...api.control("checkInId")} />
      <Score api={api} prefix={p} name="morningPainNrs" legend="Pain when you woke up or took your first steps" hint="0 = no pain, 10 = the worst pain you can imagine" />
      <Choice api={api} prefix={p} name="comparedWithBefore" legend="Compared with before the session, it is…" options={Object.entries(MORNING_WORDS)} />
      <Tick api={api} prefix={p} name="stiffnessOver30Min" label="It stayed stiff for more than 30 minutes after getting up" />
      <SymptomChecks api={api} prefix={p} />
      <button type="submit" disabled={api.pending} className="block min-h-12 w-full rounded-lg bg-slate-900 px-4 py-3 text-lg font-semibold text-white disabled:opacity-70">
        {api.pending ? "Saving…" : "Save this morning's answer"}
      </button>
    </form>
  );
}
