"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import { reminderConsentSchema } from "@/lib/validation/reminders";

/** The patient's answer to "may we email you check-in reminders?", recorded by the clinician. */
export function ReminderConsentForm({
  action,
  initial,
  recorded,
}: {
  action: (p: ActionState, fd: FormData) => Promise<ActionState>;
  initial: Record<string, string>;
  /** "Agreed on 2 Dec 2026, recorded by …" or how it was stopped; null when never asked. */
  recorded: string | null;
}) {
  const { state, formAction, onSubmit, errorFor, control, pending } = useServerForm(reminderConsentSchema, action, initial);
  return (
    <form action={formAction} onSubmit={onSubmit} method="post" noValidate className="space-y-4">
      <h2 className="text-lg font-semibold">Check-in reminders</h2>
      <p className="text-sm text-slate-600">
        Only with the patient&apos;s agreement. Reminders go to the email above and hold only the clinic&apos;s name and a link; the patient can stop
        them from any reminder.
      </p>
      {recorded ? <p className="text-sm text-slate-700">{recorded}</p> : null}
      <FormError message={state?.formError} />
      {state?.ok ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="patientId" value={initial.patientId} />
      <input type="hidden" name="version" value={state?.values?.version ?? initial.version} />
      <Field id="consent" label="Did the patient agree to email reminders?" error={errorFor("consent")}>
        {(aria) => (
          <Select {...aria} {...control("consent")}>
            <option value="no">No</option>
            <option value="yes">Yes, the patient agreed</option>
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        Record the answer
      </Button>
    </form>
  );
}
