"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { setPasswordSchema } from "@/lib/validation/admin";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const { state, formAction, onSubmit, errorFor, control, pending } = useServerForm(setPasswordSchema, setPasswordAction, { token, password: "", confirm: "" });
  return (
    <form action={formAction} onSubmit={onSubmit} method="post" noValidate className="space-y-5">
      <FormError message={state?.formError} />
      <input type="hidden" {...control("token")} />
      <Field id="password" label="New password" hint="At least 12 characters." error={errorFor("password")}>
        {(aria) => <Input {...aria} {...control("password")} defaultValue="" type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirm" label="Repeat the password" error={errorFor("confirm")}>
        {(aria) => <Input {...aria} {...control("confirm")} defaultValue="" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
