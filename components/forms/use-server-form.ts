"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect } from "react";
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
type Options = {
  /**
   * Keep what is typed but not yet saved in this tab's sessionStorage under this key, and put it
   * back after a refresh or a back-navigation. Cleared when the form submits valid values.
   */
  persistKey?: string;
  /** Fields never persisted: ids and the version the page was rendered with come from the server. */
  persistExclude?: readonly string[];
};

export function useServerForm(schema: z.ZodType, action: Action, initial: Record<string, string>, opts: Options = {}) {
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

  const { persistKey, persistExclude } = opts;
  useEffect(() => {
    if (!persistKey) return;
    const excluded = new Set(persistExclude ?? []);
    try {
      const saved = JSON.parse(sessionStorage.getItem(persistKey) ?? "null") as Record<string, unknown> | null;
      if (saved) {
        for (const k of excluded) delete saved[k];
        form.reset({ ...form.getValues(), ...saved }, { keepDefaultValues: true });
      }
    } catch {
      sessionStorage.removeItem(persistKey);
    }
    const sub = form.watch((v) => {
      const keep = Object.fromEntries(Object.entries(v).filter(([k]) => !excluded.has(k)));
      sessionStorage.setItem(persistKey, JSON.stringify(keep));
    });
    return () => sub.unsubscribe();
    // Runs once per form instance: the key and exclusions are fixed for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [persistKey]);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    const formEl = e.currentTarget;
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    return form.handleSubmit(
      () => {
        if (persistKey) sessionStorage.removeItem(persistKey);
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
