"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import { reminderSettingsSchema } from "@/lib/validation/reminders";

export function ReminderSettingsForm({ action, initial }: { action: (p: ActionState, fd: FormData) => Promise<ActionState>; initial: Record<string, string> }) {
  const { state, formAction, onSubmit, errorFor, control, pending } = useServerForm(reminderSettingsSchema, action, initial);
  return (
    <form action={formAction} onSubmit={onSubmit} method="post" noValidate className="space-y-6">
      <h2 className="text-lg font-semibold">Check-in reminders</h2>
      <p className="text-sm text-slate-600">
        Emails to patients who agreed to reminders: the morning after a logged session, and after the days of silence below. At most one a day,
        never in quiet hours (the clinic&apos;s time zone). The email names only the clinic and carries a check-in link and a stop link.
      </p>
      <FormError message={state?.formError} />
      {state?.ok ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="version" value={state?.values?.version ?? initial.version} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="enabled" label="Reminders" error={errorFor("enabled")}>
          {(aria) => (
            <Select {...aria} {...control("enabled")}>
              <option value="off">Off</option>
              <option value="on">On</option>
            </Select>
          )}
        </Field>
        <Field id="silenceDays" label="Days of silence before a reminder" hint="1 to 30. Counted from the last session logged." error={errorFor("silenceDays")}>
          {(aria) => <Input {...aria} {...control("silenceDays")} inputMode="numeric" />}
        </Field>
        <Field id="quietStart" label="Quiet hours start" hint="24-hour clock, for example 21:00." error={errorFor("quietStart")}>
          {(aria) => <Input {...aria} {...control("quietStart")} inputMode="numeric" />}
        </Field>
        <Field id="quietEnd" label="Quiet hours end" hint="For example 08:00. The same time as the start means no quiet hours." error={errorFor("quietEnd")}>
          {(aria) => <Input {...aria} {...control("quietEnd")} inputMode="numeric" />}
        </Field>
        <Field id="senderName" label="Sender name (optional)" hint="Shown as who the email is from; the clinic's name when empty." error={errorFor("senderName")}>
          {(aria) => <Input {...aria} {...control("senderName")} autoComplete="off" />}
        </Field>
        <Field id="senderEmail" label="Sender address (optional)" hint="The server's SMTP_FROM when empty. Your mail server must allow it." error={errorFor("senderEmail")}>
          {(aria) => <Input {...aria} {...control("senderEmail")} type="email" autoComplete="off" />}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        Save reminder settings
      </Button>
    </form>
  );
}
