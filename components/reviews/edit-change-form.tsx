"use client";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useServerForm } from "@/components/forms/use-server-form";
import type { ActionState } from "@/lib/auth/action-state";
import { editReviewSchema } from "@/lib/validation/review";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * "Edit first": the suggested stage and cut, filled in and editable, published with the plan's
 * latest saved version (edit the plan below and save it first to include those changes).
 */
export function EditChangeForm({
  action,
  ids,
  stages,
  suggested,
}: {
  action: Action;
  ids: { patientId: string; planId: string; reviewId: string; reviewVersion: number; planVersion: number };
  stages: Array<{ key: string; title: string }>;
  suggested: { stageKey: string; doseCutPct: number };
}) {
  const f = useServerForm(editReviewSchema, action, {
    patientId: ids.patientId,
    planId: ids.planId,
    reviewId: ids.reviewId,
    reviewVersion: String(ids.reviewVersion),
    planVersion: String(ids.planVersion),
    returnTo: "patient",
    stageKey: suggested.stageKey,
    doseCutPct: String(suggested.doseCutPct),
    note: "",
  });
  if (f.state?.ok) {
    return (
      <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
        {f.state.message}
      </p>
    );
  }
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="space-y-4">
      {(["patientId", "planId", "reviewId", "reviewVersion", "planVersion", "returnTo"] as const).map((n) => (
        <input key={n} type="hidden" {...f.control(n)} />
      ))}
      <FormError message={f.state && !f.state.ok ? f.state.formError : undefined} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="review-stage" label="The patient's stage" error={f.errorFor("stageKey")}>
          {(aria) => (
            <select {...aria} {...f.control("stageKey")} className="h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm">
              {stages.map((s, i) => (
                <option key={s.key} value={s.key}>
                  Stage {i + 1}: {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="review-cut" label="Less than the stage's amounts (%)" hint="0 for the full amounts; at most 50." error={f.errorFor("doseCutPct")}>
          {(aria) => <Input {...aria} {...f.control("doseCutPct")} inputMode="numeric" className="w-28" />}
        </Field>
      </div>
      <Field id="review-note" label="A word for the patient (optional)" hint="Shown on their page and PDF with the change, e.g. why you chose differently." error={f.errorFor("note")}>
        {(aria) => <textarea {...aria} {...f.control("note")} rows={2} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />}
      </Field>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? "Publishing…" : `Publish version ${ids.planVersion + 1} with this change`}
      </Button>
    </form>
  );
}
