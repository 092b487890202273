"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * react-hook-form over a server action, with progressive enhancement: without JavaScript the
 * <form action> posts and the server re-renders with its field errors and the typed values;
 * with JavaScript the same zod schema validates inline first, then the same action runs with
 * the same FormData (including the pressed button's name and value).
 */
export function useServerForm(schema: z.ZodType, action: Action, initial: Record<string, string>) {
  const [state, formAction, pending] = useActionState(action, null);
  const values: Record<string, string> = { ...initial, ...(state?.values ?? {}) };
  const form = useForm<Record<string, unknown>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: values,
    // Validate on submit, then live as the user corrects. Validating on blur would insert an
    // error above the submit button as it is pressed, moving it from under the pointer.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    const formEl = e.currentTarget;
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    return form.handleSubmit(
      () => {
        startTransition(() => formAction(new FormData(formEl, submitter)));
      },
      () => {
        // Move focus to the first invalid field so keyboard and screen-reader users land on it.
        requestAnimationFrame(() => formEl.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      },
    )(e);
  };

  const errorFor = (name: string): string | undefined => {
    const client = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
    return client ?? state?.fieldErrors?.[name]?.[0];
  };

  /** A native input, textarea or select: registered with RHF, and server-rendered with its value. */
  const control = (name: string) => ({ ...form.register(name), defaultValue: values[name] ?? "" });

  /** One radio of a group. */
  const radio = (name: string, value: string) => ({ ...form.register(name), value, defaultChecked: values[name] === value });

  return { form, state, formAction, pending, onSubmit, errorFor, control, radio, values };
}

export type ServerFormApi = ReturnType<typeof useServerForm>;
