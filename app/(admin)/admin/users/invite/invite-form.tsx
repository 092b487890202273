"use client";
import { LinkBox } from "@/components/admin/user-row-actions";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import { inviteUserSchema } from "@/lib/validation/admin";

export function InviteForm({ action }: { action: (p: ActionState, fd: FormData) => Promise<ActionState> }) {
  const { state, formAction, onSubmit, errorFor, control, pending } = useServerForm(inviteUserSchema, action, { name: "", email: "", role: "clinician" });
  if (state?.ok && state.values?.link) {
    return (
      <div role="status" className="space-y-3 text-sm">
        <p>{state.message}</p>
        <LinkBox path={state.values.link} />
        <p className="text-slate-600">The link works once. It is not shown again; issue a password reset if it is lost.</p>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} method="post" noValidate className="space-y-5">
      <FormError message={state?.formError} />
      <Field id="name" label="Name" error={errorFor("name")}>
        {(aria) => <Input {...aria} {...control("name")} autoComplete="off" />}
      </Field>
      <Field id="email" label="Email" error={errorFor("email")}>
        {(aria) => <Input {...aria} {...control("email")} type="email" autoComplete="off" />}
      </Field>
      <Field id="role" label="Role" error={errorFor("role")}>
        {(aria) => (
          <Select {...aria} {...control("role")}>
            <option value="clinician">Clinician</option>
            <option value="admin">Admin</option>
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Inviting…" : "Create account and link"}
      </Button>
    </form>
  );
}
