"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * useServerForm for the assessment steps: the same progressive enhancement (plain POST without
 * JavaScript; inline validation with the same zod schema when it runs), plus the pressed button's
 * name and value in the posted data ("save and continue" vs "save and exit"), and radio helpers.
 */
export function useStepForm(schema: z.ZodType, action: Action, initial: Record<string, string>) {
  const [state, formAction, pending] = useActionState(action, null);
  const values: Record<string, string> = { ...initial, ...(state?.values ?? {}) };
  const form = useForm<Record<string, unknown>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: values,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const formRef = useRef<HTMLFormElement>(null);

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

  /** A native input, textarea or select: registered, and server-rendered with its value. */
  const control = (name: string) => ({ ...form.register(name), defaultValue: values[name] ?? "" });

  /** One radio of a group. */
  const radio = (name: string, value: string) => ({ ...form.register(name), value, defaultChecked: values[name] === value });

  return { form, state, formAction, pending, formRef, onSubmit, errorFor, control, radio, values };
}

export type StepFormApi = ReturnType<typeof useStepForm>;
