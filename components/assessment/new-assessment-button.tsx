"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";

/** Opens (or resumes) the patient's assessment draft. A plain POST without JavaScript. */
export function NewAssessmentButton({
  action,
  patientId,
  label,
}: {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  patientId: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} method="post">
      <input type="hidden" name="patientId" value={patientId} />
      <FormError message={state?.formError} />
      <Button type="submit" disabled={pending}>
        {pending ? "Opening…" : label}
      </Button>
    </form>
  );
}
