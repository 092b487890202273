"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";

type Act = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** One small form per action, so each works without JavaScript and reports its own result. */
function ActionForm({ action, userId, version, children, label }: { action: Act; userId: string; version: number; children?: React.ReactNode; label: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} method="post" className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      {children}
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {label}
      </Button>
      {state?.formError ? <span role="alert" className="text-xs text-red-700">{state.formError}</span> : null}
      {state?.ok && state.message ? (
        <span role="status" className="text-xs text-brand-800">
          {state.message} {state.values?.link ? <LinkBox path={state.values.link} /> : null}
        </span>
      ) : null}
    </form>
  );
}

export function LinkBox({ path }: { path: string }) {
  const url = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  return (
    <code data-testid="one-time-link" className="block break-all rounded bg-slate-100 px-2 py-1 text-xs text-slate-800">
      {url}
    </code>
  );
}

export function UserRowActions(props: {
  userId: string;
  version: number;
  role: "admin" | "clinician";
  active: boolean;
  name: string;
  actions: { changeRole: Act; deactivate: Act; reactivate: Act; endSessions: Act; resetPassword: Act };
}) {
  const { userId, version, actions } = props;
  return (
    <div className="flex flex-col gap-2">
      <ActionForm action={actions.changeRole} userId={userId} version={version} label="Change role">
        <label className="sr-only" htmlFor={`role-${userId}`}>
          Role for {props.name}
        </label>
        <Select id={`role-${userId}`} name="role" defaultValue={props.role} className="h-8 w-32 py-0">
          <option value="clinician">Clinician</option>
          <option value="admin">Admin</option>
        </Select>
      </ActionForm>
      <div className="flex flex-wrap gap-2">
        {props.active ? (
          <ActionForm action={actions.deactivate} userId={userId} version={version} label={`Deactivate`} />
        ) : (
          <ActionForm action={actions.reactivate} userId={userId} version={version} label="Reactivate" />
        )}
        <ActionForm action={actions.endSessions} userId={userId} version={version} label="End sessions" />
        <ActionForm action={actions.resetPassword} userId={userId} version={version} label="Reset password" />
      </div>
    </div>
  );
}
