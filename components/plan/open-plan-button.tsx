"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** "Create plan" (first time) or "Open plan" on a final assessment. */
export function OpenPlanButton({ action, patientId, assessmentId, exists }: { action: Action; patientId: string; assessmentId: string; exists: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} method="post" className="space-y-2">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <FormError message={state && !state.ok ? state.formError : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? "Opening…" : exists ? "Open plan" : "Create plan"}
      </Button>
    </form>
  );
}
