"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useRef } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * react-hook-form over a server action, with progressive enhancement: without JavaScript the
 * <form action> posts and the server re-renders with its field errors and the typed values;
 * with JavaScript the same zod schema validates inline first, then the same action runs.
 */
export function useServerForm<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  action: Action,
  initial: Record<string, string>,
) {
  const [state, formAction, pending] = useActionState(action, null);
  const values = { ...initial, ...(state?.values ?? {}) };
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: values as never,
    // Validate on submit, then live as the user corrects. Validating on blur would insert an
    // error above the submit button as it is pressed, moving it from under the pointer.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    const formEl = e.currentTarget;
    return form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(formEl)));
    })(e);
  };

  const errorFor = (name: string): string | undefined => {
    const client = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
    return client ?? state?.fieldErrors?.[name]?.[0];
  };

  /** Props for a native control: registered with RHF, and server-rendered with its value. */
  const control = (name: Path<z.input<S>> & string) => ({
    ...form.register(name),
    defaultValue: values[name] ?? "",
  });

  return { form, state, formAction, pending, formRef, onSubmit, errorFor, control };
}
