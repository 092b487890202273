"use client";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import { finalizeFormSchema, gateFormSchema } from "@/lib/validation/assessment";
import { useStepForm } from "./use-step-form";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;
type Meta = { assessmentId: string; patientId: string; version: number };

/** The refer-tier gate: record the referral (to whom, when), or an override with its reason. */
export function GateForm({ action, meta, initial }: { action: Action; meta: Meta; initial: Record<string, string> }) {
  const api = useStepForm(gateFormSchema, action, { ...initial, assessmentId: meta.assessmentId, patientId: meta.patientId, version: String(meta.version) });
  return (
    <form action={api.formAction} onSubmit={api.onSubmit} method="post" noValidate className="space-y-4" aria-label="Record referral or override">
      <FormError message={api.state?.formError} />
      {["assessmentId", "patientId", "version"].map((k) => (
        <input key={k} type="hidden" {...api.control(k)} />
      ))}
      <fieldset className="space-y-2" aria-describedby={api.errorFor("gate") ? "gate-error" : undefined}>
        <legend className="text-sm font-medium">How was the red flag handled?</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" {...api.radio("gate", "referral")} className="size-4 accent-brand-700" /> Referred for medical review
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" {...api.radio("gate", "override")} className="size-4 accent-brand-700" /> Proceed without referral (override, with a reason)
        </label>
        {api.errorFor("gate") ? (
          <p id="gate-error" className="text-sm font-medium text-red-700">
            {api.errorFor("gate")}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="referralTo" label="Referred to (for a referral)" error={api.errorFor("referralTo")}>
          {(aria) => <Input {...aria} {...api.control("referralTo")} autoComplete="off" />}
        </Field>
        <Field id="referralDate" label="Date of referral (for a referral)" error={api.errorFor("referralDate")}>
          {(aria) => <Input {...aria} {...api.control("referralDate")} type="date" />}
        </Field>
      </div>
      <Field id="overrideReason" label="Reason for the override (for an override)" error={api.errorFor("overrideReason")}>
        {(aria) => <Textarea {...aria} {...api.control("overrideReason")} rows={2} className="min-h-16" />}
      </Field>
      <Button type="submit" variant="outline" disabled={api.pending}>
        {api.pending ? "Saving…" : "Record"}
      </Button>
    </form>
  );
}

export function FinalizeForm({ action, meta, label, disabled }: { action: Action; meta: Meta; label: string; disabled?: boolean }) {
  const api = useStepForm(finalizeFormSchema, action, {
    assessmentId: meta.assessmentId,
    patientId: meta.patientId,
    version: String(meta.version),
    confirmed: "yes",
  });
  const unanswered = Object.entries(api.state?.fieldErrors ?? {}).filter(([k, v]) => k !== "confirmed" && v?.length);
  return (
    <form action={api.formAction} onSubmit={api.onSubmit} method="post" noValidate className="space-y-3" aria-label="Finalize assessment">
      <FormError message={api.state?.formError} />
      {["assessmentId", "patientId", "version", "confirmed"].map((k) => (
        <input key={k} type="hidden" {...api.control(k)} />
      ))}
      {unanswered.length ? (
        <p className="text-sm font-medium text-red-700" data-field-error>
          {unanswered.length} red-flag question(s) are still unanswered.
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={disabled || api.pending}>
        {api.pending ? "Finalizing…" : label}
      </Button>
    </form>
  );
}
