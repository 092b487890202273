"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import type { FitContext } from "@/lib/assessments/question-fit";
import type { EngineSettingsInput, Sport } from "@/lib/clinical";
import { amendFormSchemas, stepByKey, stepFormSchemas, type FormStepKey } from "@/lib/validation/assessment";
import { CapacityFields } from "./capacity-fields";
import { ComplaintFields, LoadFields, RecoveryFields, RedFlagFields } from "./step-fields";
import { OutcomeFields } from "./outcome-fields";
import { useStepForm } from "./use-step-form";

type Props = {
  step: FormStepKey;
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  initial: Record<string, string>;
  assessmentId: string;
  patientId: string;
  sport: Sport;
  /** The clinic's engine thresholds, so the live capacity figures match the decision. */
  settings?: EngineSettingsInput;
  priorPsfsMean?: number;
  priorLefsTotal?: number;
  /** The draft's saved region and sport: which questions fit this patient (issue 14). */
  fit?: FitContext;
  backHref?: string;
  /** Amending a final assessment: the amendment count seen, and a reason field instead of step navigation. */
  amend?: { amendmentSeq: number; cancelHref: string };
  version?: number;
};

/** The first answerable control of a step; the red-flag step's "why not asked" box is not a question. */
const FIRST_FIELD = "input:not([type=hidden]):not([disabled]):not([name=notAskedReason]), select:not([disabled]), textarea:not([disabled]):not([name=notAskedReason])";

/** One assessment step: a server action form that also works as a plain POST. */
export function StepForm({ step, action, initial, assessmentId, patientId, sport, settings, priorPsfsMean, priorLefsTotal, fit = {}, backHref, amend, version }: Props) {
  const schema = amend ? amendFormSchemas[step] : stepFormSchemas[step];
  const meta: Record<string, string> = amend
    ? { assessmentId, patientId, amendmentSeq: String(amend.amendmentSeq) }
    : { assessmentId, patientId, version: String(version ?? 1) };
  // Unsaved answers survive a refresh or a back button in this tab (saved ones live in the draft).
  const api = useStepForm(schema, action, { ...initial, ...meta }, {
    persistKey: `loadwise:assessment:${assessmentId}:${amend ? "amend:" : ""}${step}`,
    persistExclude: Object.keys(meta),
  });
  const { n, title } = stepByKey(step);
  const formRef = useRef<HTMLFormElement>(null);
  // Arriving on a step, the cursor is in its first question (after a failed save, the form hook
  // puts it on the first error instead). Only when nothing else has focus, so it never steals it.
  useEffect(() => {
    const el = formRef.current;
    if (!el || (document.activeElement && document.activeElement !== document.body)) return;
    const target = el.querySelector<HTMLElement>("[aria-invalid=true]") ?? el.querySelector<HTMLElement>(FIRST_FIELD);
    target?.focus();
  }, []);
  return (
    <form ref={formRef} action={api.formAction} onSubmit={api.onSubmit} method="post" noValidate className="space-y-6" aria-label={title}>
      <FormError message={api.state?.formError} />
      {Object.keys(meta).map((k) => (
        <input key={k} type="hidden" {...api.control(k)} />
      ))}
      {step === "load" ? <LoadFields api={api} /> : null}
      {step === "complaint" ? <ComplaintFields api={api} fit={fit} /> : null}
      {step === "redFlags" ? <RedFlagFields api={api} /> : null}
      {step === "capacity" ? <CapacityFields api={api} sport={sport} settings={settings} /> : null}
      {step === "recovery" ? <RecoveryFields api={api} fit={fit} /> : null}
      {step === "outcomes" ? <OutcomeFields api={api} priorMean={priorPsfsMean} fit={fit} priorLefsTotal={priorLefsTotal} /> : null}
      {amend ? (
        <div className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-5">
          <label htmlFor="reason" className="block text-sm font-medium text-slate-900">
            Reason for the correction
          </label>
          <textarea
            id="reason"
            {...api.control("reason")}
            rows={3}
            aria-invalid={Boolean(api.errorFor("reason"))}
            aria-describedby={api.errorFor("reason") ? "reason-error" : undefined}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
          />
          {api.errorFor("reason") ? (
            <p id="reason-error" className="text-sm font-medium text-red-700" data-field-error>
              {api.errorFor("reason")}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={api.pending}>
              {api.pending ? "Saving…" : "Save amendment"}
            </Button>
            <Button variant="ghost" asChild>
              <Link href={amend.cancelHref}>Cancel</Link>
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
          <Button type="submit" name="intent" value="next" disabled={api.pending}>
            {api.pending ? "Saving…" : n === 6 ? "Save and review" : "Save and continue"}
          </Button>
          <Button type="submit" name="intent" value="exit" variant="outline" disabled={api.pending}>
            Save and exit
          </Button>
          {backHref ? (
            <Button variant="ghost" asChild>
              <Link href={backHref}>Back to step {n - 1}</Link>
            </Button>
          ) : null}
        </div>
      )}
    </form>
  );
}
