"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import { clinicSettingsSchema } from "@/lib/validation/admin";

export function SettingsForm({ action, initial }: { action: (p: ActionState, fd: FormData) => Promise<ActionState>; initial: Record<string, string> }) {
  const { state, formAction, onSubmit, errorFor, control, pending } = useServerForm(clinicSettingsSchema, action, initial);
  const num = (name: Parameters<typeof control>[0], label: string, hint: string) => (
    <Field id={name} label={label} hint={hint} error={errorFor(name)}>
      {(aria) => <Input {...aria} {...control(name)} inputMode="decimal" />}
    </Field>
  );
  return (
    <form action={formAction} onSubmit={onSubmit} method="post" noValidate className="space-y-8">
      <FormError message={state?.formError} />
      {state?.ok ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {state.message}
        </p>
      ) : null}
      {/* The saved version replaces the one the page was opened with, so a second save works. */}
      <input type="hidden" name="version" value={state?.values?.version ?? initial.version} />
      <fieldset className="grid gap-5 sm:grid-cols-3">
        <legend className="mb-3 font-semibold">Documents and sessions</legend>
        <Field id="units" label="Distance units" error={errorFor("units")}>
          {(aria) => (
            <Select {...aria} {...control("units")}>
              <option value="km">Kilometres</option>
              <option value="mi">Miles</option>
            </Select>
          )}
        </Field>
        <Field id="paperSize" label="Paper size for PDFs" error={errorFor("paperSize")}>
          {(aria) => (
            <Select {...aria} {...control("paperSize")}>
              <option value="A4">A4</option>
              <option value="LETTER">US Letter</option>
            </Select>
          )}
        </Field>
        {num("idleTimeoutMinutes", "Idle sign-out (minutes)", "5 to 120. Applies on the next request.")}
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-3">
        <legend className="mb-1 font-semibold">Clinical thresholds</legend>
        <p className="text-sm text-slate-600 sm:col-span-3">
          Defaults come from the sources in the rules reference. Change them only as a clinic decision; every saved
          assessment keeps the ruleset version it was made with.
        </p>
        {num("calfRaiseTargetRunning", "Calf raises for running sports", "Reps per side. Default 30 (clinician rule of thumb).")}
        {num("calfRaiseTargetOther", "Calf raises for other sports", "Reps per side. Default 20 (Goom et al. 2019).")}
        {num("lsiMinPct", "Limb symmetry bar (%)", "Default 90 (return-to-sport convention).")}
        {num("deloadMinWeeks", "Deload every, at least (weeks)", "4 to 6.")}
        {num("deloadMaxWeeks", "Deload every, at most (weeks)", "4 to 6.")}
        {num("sleepHoursTarget", "Sleep target (hours)", "Default 8.")}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
