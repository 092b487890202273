"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "@/lib/exercise-media/limits";

type Action = (p: ActionState, fd: FormData) => Promise<ActionState>;
type Media = { url: string; width: number; height: number; alt: string; videoUrl: string; version: number };

const ACCEPT = "image/jpeg,image/png,image/webp";

/** The form-level message; a refusal already shown beside its field is not repeated above the form. */
function formErrorOf(state: NonNullable<ActionState>): string | undefined {
  const beside = Object.values(state.fieldErrors ?? {}).flatMap((m) => m ?? []);
  return state.formError && beside.includes(state.formError) ? "The photo was not saved. The reason is shown below." : state.formError;
}

/**
 * One library exercise: its current picture (the clinic's photo or "built-in drawing") and a form
 * to upload, replace or remove it. Plain form posts work without JavaScript; with it, a file over
 * the size limit is refused here before it is sent.
 */
export function ExerciseMediaRow({ index, exerciseName, media, saveAction, removeAction }: { index: number; exerciseName: string; media: Media | null; saveAction: Action; removeAction: Action }) {
  const [state, formAction, pending] = useActionState(saveAction, null);
  const [removeState, removeFormAction, removing] = useActionState(removeAction, null);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const id = `ex-${index}`;
  const err = (name: string) => (name === "photo" && sizeError) || state?.fieldErrors?.[name]?.[0];
  const values = state && !state.ok ? state.values : undefined;
  const headingId = `${id}-name`;
  return (
    <section aria-labelledby={headingId} className="grid gap-4 sm:grid-cols-[10rem_1fr]">
      <div>
        {media ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={media.url} alt={media.alt} width={media.width} height={media.height} className="h-auto w-40 rounded border border-slate-200 object-contain" />
        ) : (
          <div className="flex h-28 w-40 items-center justify-center rounded border border-dashed border-slate-300 text-center text-xs text-slate-600">Built-in drawing</div>
        )}
      </div>
      <div className="space-y-3">
        <h2 id={headingId} className="font-semibold">
          {exerciseName}
        </h2>
        <p className="text-xs text-slate-600">{media ? `Your clinic's photo, ${media.width} × ${media.height} pixels.` : "Shows the built-in drawing."}</p>
        <form
          action={formAction}
          method="post"
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            if (sizeError) e.preventDefault();
          }}
        >
          <FormError message={state && !state.ok ? formErrorOf(state) : undefined} />
          {state?.ok ? (
            <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
              {state.message}
            </p>
          ) : null}
          <input type="hidden" name="exerciseName" value={exerciseName} />
          <input type="hidden" name="version" value={media ? String(media.version) : ""} />
          <div className="grid gap-3 md:grid-cols-3">
            <Field id={`${id}-photo`} label={media ? "Replace with a new photo" : "Photo"} hint={`JPEG, PNG or WebP, up to ${MAX_UPLOAD_LABEL}.`} error={err("photo")}>
              {(aria) => (
                <Input
                  {...aria}
                  type="file"
                  name="photo"
                  accept={ACCEPT}
                  onChange={(e) => {
                    const f = e.currentTarget.files?.[0];
                    setSizeError(f && f.size > MAX_UPLOAD_BYTES ? `This file is larger than ${MAX_UPLOAD_LABEL}. Choose a smaller photo, or export it at a lower size.` : null);
                  }}
                />
              )}
            </Field>
            <Field id={`${id}-alt`} label="Description for screen readers" hint="Optional. What the photo shows." error={err("alt")}>
              {(aria) => <Input {...aria} name="alt" maxLength={200} defaultValue={values?.alt ?? (media?.alt.startsWith("Photo: ") ? "" : (media?.alt ?? ""))} />}
            </Field>
            <Field id={`${id}-video`} label="Video link (patient page only)" hint="Optional. A link starting with https://." error={err("videoUrl")}>
              {(aria) => <Input {...aria} name="videoUrl" type="url" inputMode="url" maxLength={500} defaultValue={values?.videoUrl ?? media?.videoUrl ?? ""} />}
            </Field>
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : media ? "Save changes" : "Upload photo"}
          </Button>
        </form>
        {media ? (
          <form action={removeFormAction} method="post" className="space-y-2">
            <FormError message={removeState && !removeState.ok ? removeState.formError : undefined} />
            <input type="hidden" name="exerciseName" value={exerciseName} />
            <input type="hidden" name="version" value={String(media.version)} />
            <Button type="submit" variant="outline" disabled={removing}>
              {removing ? "Removing…" : "Remove photo"}
            </Button>
          </form>
        ) : removeState?.ok ? (
          <p role="status" className="text-sm text-brand-800">
            {removeState.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
