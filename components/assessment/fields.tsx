"use client";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import type { StepFormApi } from "./use-step-form";

// Labelled controls for the assessment steps. Numbers are text boxes with a numeric keyboard
// (inputMode) so the step's zod schema, not the browser, explains a bad value.

export function NumberField({
  api,
  name,
  label,
  hint,
  unit,
  className,
}: {
  api: StepFormApi;
  name: string;
  label: string;
  hint?: string;
  unit?: string;
  className?: string;
}) {
  return (
    <Field id={name} label={unit ? `${label} (${unit})` : label} hint={hint} error={api.errorFor(name)} className={className}>
      {(aria) => <Input {...aria} {...api.control(name)} type="text" inputMode="decimal" autoComplete="off" />}
    </Field>
  );
}

export function TextField({ api, name, label, hint, className }: { api: StepFormApi; name: string; label: string; hint?: string; className?: string }) {
  return (
    <Field id={name} label={label} hint={hint} error={api.errorFor(name)} className={className}>
      {(aria) => <Input {...aria} {...api.control(name)} type="text" autoComplete="off" />}
    </Field>
  );
}

export function TextAreaField({ api, name, label, hint, rows = 3 }: { api: StepFormApi; name: string; label: string; hint?: string; rows?: number }) {
  return (
    <Field id={name} label={label} hint={hint} error={api.errorFor(name)}>
      {(aria) => <Textarea {...aria} {...api.control(name)} rows={rows} className="min-h-16" />}
    </Field>
  );
}

export function SelectField({
  api,
  name,
  label,
  options,
  empty = "Not recorded",
  hint,
  className,
}: {
  api: StepFormApi;
  name: string;
  label: string;
  options: Record<string, string>;
  empty?: string;
  hint?: string;
  className?: string;
}) {
  return (
    <Field id={name} label={label} hint={hint} error={api.errorFor(name)} className={className}>
      {(aria) => (
        <Select {...aria} {...api.control(name)}>
          <option value="">{empty}</option>
          {Object.entries(options).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/**
 * A yes/no question as a radio pair. Neither chosen = unanswered (unknown), never "no". With
 * `notAsked`, a third choice records that the question was deliberately not asked.
 */
export function YesNoField({ api, name, label, tone, notAsked }: { api: StepFormApi; name: string; label: string; tone?: "flag"; notAsked?: boolean }) {
  const choices = notAsked ? (["yes", "no", "not_asked"] as const) : (["yes", "no"] as const);
  const error = api.errorFor(name);
  const errorId = `${name}-error`;
  return (
    <fieldset
      className={cn("flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-md px-3 py-2", tone === "flag" ? "odd:bg-slate-50" : "odd:bg-slate-50")}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="float-left max-w-[36rem] py-1 text-sm text-slate-800">{label}</legend>
      <div className="flex gap-2">
        {choices.map((v) => (
          <label
            key={v}
            className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
          >
            <input type="radio" {...api.radio(name, v)} id={`${name}-${v}`} className="size-4 accent-brand-700" aria-invalid={Boolean(error)} />
            {v === "yes" ? "Yes" : v === "no" ? "No" : "Not asked"}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="basis-full text-sm font-medium text-red-700" data-field-error>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      {description ? <p className="-mt-2 text-sm text-slate-600">{description}</p> : null}
      {children}
    </fieldset>
  );
}
