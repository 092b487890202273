"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action-state";

/**
 * Wraps the caseload table so its row checkboxes (name="patientIds") post with the chosen
 * bulk action. Plain form semantics: works without JavaScript.
 */
export function BulkCaseloadForm({
  action,
  clinicians,
  children,
}: {
  action: (p: ActionState, fd: FormData) => Promise<ActionState>;
  clinicians: Array<{ id: string; name: string; active: boolean }>;
  children: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = [state?.formError, ...Object.values(state?.fieldErrors ?? {}).flat()].filter(Boolean);
  return (
    <form action={formAction} method="post" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Hand selected patients to</span>
          <select name="clinicianId" className="h-9 rounded-md border border-slate-300 bg-white px-2" defaultValue="">
            <option value="">Choose a clinician…</option>
            {clinicians.filter((c) => c.active).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button name="intent" value="reassign" disabled={pending} className="h-9 rounded-md bg-brand-700 px-3 font-medium text-white hover:bg-brand-800">
          Reassign
        </button>
        <span className="mx-2 h-6 w-px bg-slate-200" aria-hidden="true" />
        <button name="intent" value="discharge" disabled={pending} className="h-9 rounded-md border border-slate-300 px-3 hover:bg-slate-100">
          Discharge
        </button>
        <button name="intent" value="reactivate" disabled={pending} className="h-9 rounded-md border border-slate-300 px-3 hover:bg-slate-100">
          Reactivate
        </button>
        {state?.ok ? (
          <span role="status" className="text-brand-800">
            {state.message}
          </span>
        ) : null}
        {errors.length ? (
          <span role="alert" className="text-red-700">
            {errors.join(" ")}
          </span>
        ) : null}
      </div>
      {children}
    </form>
  );
}
