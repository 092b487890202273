"use client";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { LEFS_CITATION, LEFS_FIELDS, LEFS_INSTRUCTIONS, LEFS_ITEMS, LEFS_MAX, LEFS_MIC, LEFS_OPTIONS, LEFS_QUESTION } from "@/lib/assessments/lefs";
import { Section } from "./fields";
import type { StepFormApi } from "./use-step-form";

/**
 * The Lower Extremity Functional Scale, for a lower-limb complaint: the published items and
 * response options (Binkley 1999), one radio group per item, with the total and the change since
 * the last assessment as the answers go in. Scored only when all 20 items are answered.
 */
export function LefsFields({ api, priorTotal }: { api: StepFormApi; priorTotal?: number }) {
  const watched = useWatch({ control: api.form.control, name: LEFS_FIELDS as string[] }) as unknown[];
  const scores = LEFS_FIELDS.map((f, i) => {
    const raw = String(watched[i] ?? api.values[f] ?? "").trim();
    const n = Number(raw);
    return raw !== "" && Number.isInteger(n) && n >= 0 && n <= 4 ? n : undefined;
  });
  const answered = scores.filter((n) => n !== undefined).length;
  const total = answered === LEFS_FIELDS.length ? scores.reduce<number>((s, n) => s + (n ?? 0), 0) : undefined;
  const change = total !== undefined && priorTotal !== undefined ? total - priorTotal : undefined;
  const clear = () => {
    for (const f of LEFS_FIELDS) api.form.setValue(f, "", { shouldDirty: true, shouldValidate: api.form.formState.isSubmitted });
  };
  return (
    <Section
      title="Lower Extremity Functional Scale (LEFS)"
      description="For a lower-limb problem. Read the patient the instructions and each activity, and record one answer per activity. The scale is scored only when all 20 are answered."
    >
      <div className="space-y-1 rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-800">
        <p>{LEFS_INSTRUCTIONS}</p>
        <p className="font-medium">{LEFS_QUESTION}</p>
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700" aria-label="Answer scale">
          {LEFS_OPTIONS.map(([score, label]) => (
            <li key={score}>
              <strong>{score}</strong> = {label}
            </li>
          ))}
        </ul>
      </div>
      <div className="space-y-1">
        {LEFS_ITEMS.map((item, i) => (
          <LefsItem key={LEFS_FIELDS[i]} api={api} name={LEFS_FIELDS[i]!} n={i + 1} item={item} />
        ))}
      </div>
      <div className="flex flex-wrap items-start justify-between gap-3 rounded-md bg-slate-50 px-4 py-3 text-sm" aria-live="polite">
        <div>
          <p>
            <strong>LEFS score:</strong>{" "}
            {total !== undefined ? `${total} / ${LEFS_MAX}` : answered === 0 ? "not recorded" : `${answered} of ${LEFS_FIELDS.length} answered, not scored yet`}
          </p>
          {priorTotal !== undefined ? (
            <p>
              <strong>Since the last assessment ({priorTotal}):</strong>{" "}
              {change === undefined
                ? "—"
                : `${change > 0 ? "+" : ""}${change} points: ${Math.abs(change) >= LEFS_MIC ? "reaches" : "below"} the minimal important change (${LEFS_MIC} points)`}
            </p>
          ) : (
            <p className="text-slate-600">No earlier LEFS to compare with.</p>
          )}
          <p className="text-xs text-slate-600">Higher is better (0-{LEFS_MAX}). {LEFS_CITATION}.</p>
        </div>
        {answered > 0 ? (
          <Button type="button" size="sm" variant="outline" onClick={clear}>
            Clear the LEFS answers
          </Button>
        ) : null}
      </div>
    </Section>
  );
}

function LefsItem({ api, name, n, item }: { api: StepFormApi; name: string; n: number; item: string }) {
  const error = api.errorFor(name);
  const errorId = `${name}-error`;
  return (
    <fieldset
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-md px-3 py-2 odd:bg-slate-50"
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="float-left max-w-[32rem] py-1 text-sm text-slate-800">
        {n}. {item}
      </legend>
      <div className="flex gap-1.5">
        {LEFS_OPTIONS.map(([score, label]) => (
          <label
            key={score}
            title={label}
            className="flex min-h-10 min-w-10 cursor-pointer items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
          >
            <input type="radio" {...api.radio(name, String(score))} id={`${name}-${score}`} className="size-4 accent-brand-700" aria-invalid={Boolean(error)} />
            <span aria-hidden>{score}</span>
            <span className="sr-only">{`${score}: ${label}`}</span>
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
