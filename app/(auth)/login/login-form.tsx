"use client";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useServerForm } from "@/components/forms/use-server-form";
import { signInSchema } from "@/lib/validation/sign-in";
import { signInAction } from "./actions";

export function LoginForm({ next }: { next?: string }) {
  const { state, formAction, onSubmit, errorFor, control, pending } = useServerForm(signInSchema, signInAction, {
    email: "",
    password: "",
  });
  return (
    // method="post" so a form that never hydrated cannot put the password in the URL.
    <form action={formAction} onSubmit={onSubmit} method="post" noValidate className="space-y-5">
      <FormError message={state?.formError} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="email" label="Email" error={errorFor("email")}>
        {(aria) => <Input {...aria} {...control("email")} type="email" autoComplete="username" autoFocus required />}
      </Field>
      <Field id="password" label="Password" error={errorFor("password")}>
        {(aria) => <Input {...aria} {...control("password")} defaultValue="" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
