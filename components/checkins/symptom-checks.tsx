"use client";
import type { ServerFormApi } from "@/components/forms/use-server-form";
import { NEW_SYMPTOM_KEYS } from "@/lib/clinical/checkins/contract";
import { SYMPTOM_FIELD, SYMPTOM_WORDS } from "@/lib/validation/checkin";
import { FieldError, Tick } from "./controls";

/** The contract's new-symptom questions, asked on every check-in: tick any, or "None of these". */
export function SymptomChecks({ api, prefix }: { api: ServerFormApi; prefix: string }) {
  const invalid = Boolean(api.errorFor("symptom_none"));
  return (
    <fieldset className={`space-y-2 rounded-lg border-2 p-3 ${invalid ? "border-red-700" : "border-slate-300"}`} aria-describedby={invalid ? `${prefix}-symptom_none-error` : undefined}>
      <legend className="px-1 text-base font-semibold text-slate-900">Do you have any of these now?</legend>
      {NEW_SYMPTOM_KEYS.map((k) => (
        <Tick key={k} api={api} prefix={prefix} name={SYMPTOM_FIELD[k]} label={SYMPTOM_WORDS[k]} />
      ))}
      <Tick api={api} prefix={prefix} name="symptom_none" label="None of these" />
      <FieldError api={api} prefix={prefix} name="symptom_none" />
    </fieldset>
  );
}
