"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action-state";

export function StopForm({ token, clinicName, action }: { token: string; clinicName: string; action: (p: ActionState, fd: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-brand-800">
        {state.message} You can still check in from your link, and your clinic can turn reminders on again if you ask.
      </p>
    );
  }
  return (
    <form action={formAction} method="post" className="space-y-4">
      {state?.formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <p className="text-slate-700">
        {clinicName || "Your clinic"} will stop sending you check-in reminders. Your plan and your check-ins stay as they are.
      </p>
      <Button type="submit" disabled={pending}>
        Stop reminders
      </Button>
    </form>
  );
}
