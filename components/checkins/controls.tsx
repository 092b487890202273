"use client";
import type { ServerFormApi } from "@/components/forms/use-server-form";

// Big, plain controls for the patient's phone: whole-row tap targets, a visible label for every
// choice, and the error right under its question (tied by aria-describedby).

const errId = (p: string, name: string) => `${p}-${name}-error`;

export function FieldError({ api, prefix, name }: { api: ServerFormApi; prefix: string; name: string }) {
  const e = api.errorFor(name);
  return e ? (
    <p id={errId(prefix, name)} className="text-sm font-semibold text-red-800" data-field-error>
      {e}
    </p>
  ) : null;
}

/** A question answered by one of a few choices, as a fieldset of radios. */
export function Choice({
  api,
  prefix,
  name,
  legend,
  hint,
  options,
  columns = 1,
}: {
  api: ServerFormApi;
  prefix: string;
  name: string;
  legend: string;
  hint?: string;
  options: [string, string][];
  columns?: number;
}) {
  const invalid = Boolean(api.errorFor(name));
  const describedBy = [hint ? `${prefix}-${name}-hint` : null, invalid ? errId(prefix, name) : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <legend className="text-base font-semibold text-slate-900">{legend}</legend>
      {hint ? (
        <p id={`${prefix}-${name}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <div className={columns > 1 ? "grid grid-cols-6 gap-2" : "space-y-2"}>
        {options.map(([value, label]) => (
          <label
            key={value}
            className={`flex min-h-11 cursor-pointer items-center rounded-lg border py-2 has-[:checked]:border-slate-900 has-[:checked]:bg-slate-100 ${
              invalid ? "border-red-700" : "border-slate-400"
            } ${columns > 1 ? "justify-center gap-1.5 px-1" : "gap-3 px-3"}`}
          >
            <input type="radio" {...api.radio(name, value)} className="h-5 w-5 shrink-0 accent-slate-900" />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <FieldError api={api} prefix={prefix} name={name} />
    </fieldset>
  );
}

/** A 0-10 score as eleven tap targets. */
export function Score(props: { api: ServerFormApi; prefix: string; name: string; legend: string; hint: string }) {
  return <Choice {...props} columns={6} options={Array.from({ length: 11 }, (_, i) => [String(i), String(i)] as [string, string])} />;
}

export function Tick({ api, prefix, name, label }: { api: ServerFormApi; prefix: string; name: string; label: string }) {
  const id = `${prefix}-${name}`;
  return (
    <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-slate-400 px-3 py-2 has-[:checked]:border-slate-900 has-[:checked]:bg-slate-100">
      <input id={id} type="checkbox" {...api.form.register(name)} defaultChecked={api.values[name] === "on" || api.values[name] === "true"} className="h-5 w-5 shrink-0 accent-slate-900" />
      <span>{label}</span>
    </label>
  );
}

export function NumberBox({ api, prefix, name, label, hint }: { api: ServerFormApi; prefix: string; name: string; label: string; hint?: string }) {
  const id = `${prefix}-${name}`;
  const invalid = Boolean(api.errorFor(name));
  const describedBy = [hint ? `${id}-hint` : null, invalid ? errId(prefix, name) : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-base font-semibold text-slate-900">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        {...api.control(name)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className="block min-h-11 w-full rounded-lg border border-slate-400 px-3 text-lg aria-[invalid=true]:border-red-700"
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldError api={api} prefix={prefix} name={name} />
    </div>
  );
}
