"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { createContext, startTransition, use, useActionState, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { get, useFieldArray, useForm, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { ExerciseFigure, type WebPhoto } from "@/components/exercise-art/exercise-figure";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import type { Verdict } from "@/lib/clinical";
import type { PlanFormValues } from "@/lib/plans/content";
import { editorProblems, flattenErrors, inPageOrder, nestServerErrors, type EditorProblem } from "@/lib/plans/editor-errors";
import { searchExercises } from "@/lib/plans/exercise-library";
import { stageCrossings } from "@/lib/plans/limits";
import { displayToKm, type DistanceUnit } from "@/lib/plans/units";
import { cn } from "@/lib/utils";
import { planEditFormSchema, type PlanContentStage } from "@/lib/validation/plan";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;
type Values = PlanFormValues;
export type EditorStageMeta = {
  title: string;
  key: string;
  hasRunVolume: boolean;
  hasLongRun: boolean;
  /** The stage is paused until a doctor has seen the patient: nothing to load or progress. */
  paused: boolean;
  /** The engine's own settings for this stage: the safety limits. */
  engine: Pick<PlanContentStage, "key" | "weeks" | "runVolumePct" | "trainingHoursPct" | "longRunKmMax" | "maxEffortRpe" | "intensityAllowed" | "pauseUntilCleared">;
  progressWhen: string[];
  regressWhen: string[];
};

const num = (v: unknown) => (v === "" || v === undefined || v === null ? NaN : Number(v));

/**
 * The plan editor: stage settings, exercises (search the library, add, remove, reorder) and
 * notes. Validated inline by the same zod schema the server action uses; crossings of the
 * engine's limits show live and ask for a reason, which the server checks again.
 */
export function PlanEditor({
  action,
  initial,
  stages,
  verdict,
  units,
  version,
  photos = NO_PHOTOS,
}: {
  action: Action;
  initial: Values;
  stages: EditorStageMeta[];
  verdict: Verdict;
  units: DistanceUnit;
  version: number;
  /** The clinic's own photos by exercise name (ADR 0028): shown instead of the drawings. */
  photos?: Readonly<Record<string, WebPhoto>>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  // The server's field errors (a reason it requires, anything the browser could not check) go
  // into react-hook-form, so they show, clear as the field is corrected, and list in the save bar
  // exactly like the ones found in the browser.
  const serverErrors = useMemo(() => nestServerErrors(state && !state.ok ? state.fieldErrors : undefined), [state]);
  const form = useForm<Values>({
    resolver: zodResolver(planEditFormSchema as never) as never,
    defaultValues: initial,
    errors: serverErrors as never,
    mode: "onSubmit",
    reValidateMode: "onChange",
    // The editor focuses the first error in page order itself (jumpTo): react-hook-form's own
    // order is the order fields registered, which puts an exercise added later after the notes.
    shouldFocusError: false,
  });
  const errorFor = (name: string): string | undefined => (get(form.formState.errors, name) as { message?: string } | undefined)?.message;

  // The errors as they appear on the page, top to bottom.
  const problems = editorProblems(inPageOrder(flattenErrors(form.formState.errors)));
  // A failure with no field to point at (a newer version was saved in another tab, the database
  // is down) is said in the bar too; "each is marked below" is not, once its fields are fixed.
  const barError = state && !state.ok && !state.fieldErrors ? state.formError : undefined;

  /** Scrolls a field into the middle of the screen (clear of the save bar) and focuses it. */
  const jumpTo = useCallback(
    (name: string) => {
      const formEl = formRef.current;
      if (!formEl) return;
      const el = fieldElement(formEl, name);
      if (!el) return;
      el.scrollIntoView({ block: "center" });
      if (el.matches("input, textarea, select")) form.setFocus(name as never);
      else el.focus({ preventScroll: true });
    },
    [form],
  );

  // A save the server refused: go to the first field it marked.
  useEffect(() => {
    if (!state || state.ok || !state.fieldErrors) return;
    const names = Object.keys(state.fieldErrors).map((name) => ({ name, message: "" }));
    const first = inPageOrder(names)[0];
    if (first) requestAnimationFrame(() => jumpTo(first.name));
  }, [state, jumpTo]);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    const formEl = e.currentTarget;
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    return form.handleSubmit(
      () => startTransition(() => formAction(new FormData(formEl, submitter))),
      // A save the browser refused: the same, without a round trip.
      (errors) => {
        const first = inPageOrder(flattenErrors(errors))[0];
        if (first) requestAnimationFrame(() => jumpTo(first.name));
      },
    )(e);
  };

  return (
    <ClinicPhotos value={photos}>
    <form ref={formRef} action={formAction} onSubmit={onSubmit} method="post" noValidate className="space-y-6" aria-label="Edit plan">
      <input type="hidden" name="planId" value={initial.planId} />
      <input type="hidden" name="patientId" value={initial.patientId} />
      <input type="hidden" name="version" value={String(version)} />
      <FormError message={state && !state.ok ? state.formError : undefined} />
      {state?.ok && state.message ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {state.message}
        </p>
      ) : null}
      {stages.map((meta, i) =>
        meta.paused ? (
          <PausedStageEditor key={meta.key} index={i} meta={meta} register={form.register} errorFor={errorFor} />
        ) : (
          <StageEditor key={meta.key} index={i} meta={meta} control={form.control} register={form.register} errorFor={errorFor} verdict={verdict} units={units} />
        ),
      )}
      <Field id="notes" label="Notes for the patient (whole plan)" hint="Printed on the plan and shown on the patient's page." error={errorFor("notes")}>
        {(aria) => <Textarea {...aria} {...form.register("notes")} rows={3} />}
      </Field>
      <SaveBar problems={problems} formError={barError} onJump={jumpTo} pending={pending} version={version} />
    </form>
    </ClinicPhotos>
  );
}

const MAX_LISTED = 3;

/**
 * Stays at the bottom of the screen while the plan is edited: the Save button and, after a failed
 * save, what is wrong, each problem a button that goes to its field.
 */
function SaveBar({
  problems,
  formError,
  onJump,
  pending,
  version,
}: {
  problems: EditorProblem[];
  formError?: string;
  onJump: (name: string) => void;
  pending: boolean;
  version: number;
}) {
  const failed = problems.length > 0 || Boolean(formError);
  return (
    <div
      data-testid="save-bar"
      className={cn(
        "sticky bottom-0 z-10 space-y-2 border-t bg-white/95 py-3 shadow-[0_-4px_8px_-6px_rgba(15,23,42,0.25)] backdrop-blur-sm",
        failed ? "border-red-300" : "border-slate-200",
      )}
    >
      {failed ? (
        <div className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" aria-labelledby="save-bar-title" role="group">
          <p id="save-bar-title" className="font-medium">
            {problems.length === 0 ? "Not saved." : problems.length === 1 ? "Not saved: one thing to fix." : `Not saved: ${problems.length} things to fix.`}
          </p>
          {problems.length === 0 ? <p>{formError}</p> : null}
          {problems.length ? (
            <ul className="mt-1 space-y-0.5">
              {problems.slice(0, MAX_LISTED).map((p) => (
                <li key={p.name}>
                  <button type="button" className="text-left underline underline-offset-2 hover:text-red-700" onClick={() => onJump(p.name)}>
                    {p.summary}
                  </button>
                </li>
              ))}
              {problems.length > MAX_LISTED ? <li>and {problems.length - MAX_LISTED} more, each marked on the page.</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : `Save as version ${version + 1}`}
        </Button>
        <span className="text-sm text-slate-600">Each save is kept as a new version. The patient sees only a published version.</span>
      </div>
    </div>
  );
}

const NO_PHOTOS: Readonly<Record<string, WebPhoto>> = {};
const ClinicPhotos = createContext<Readonly<Record<string, WebPhoto>>>(NO_PHOTOS);

/** The picked exercise's picture, following its name as it is typed (nothing for an exercise without one). */
function ExercisePicture({ control, name }: { control: Control<Values>; name: `stages.${number}.strength.${number}.exercise` }) {
  const exercise = useWatch({ control, name });
  const photos = use(ClinicPhotos);
  return typeof exercise === "string" && exercise.trim() ? <ExerciseFigure exercise={exercise} photo={photos[exercise.trim()]} className="mt-3 w-44 max-w-full" /> : null;
}

/** The element a problem jumps to: its control, or for a field with none (a paused stage's hidden settings) its message. */
function fieldElement(formEl: HTMLFormElement, name: string): HTMLElement | null {
  const n = CSS.escape(name);
  return formEl.querySelector<HTMLElement>(`[name="${n}"]:not([type=hidden])`) ?? formEl.querySelector<HTMLElement>(`[data-error-for="${n}"]`);
}

/**
 * A stage the engine paused until a doctor has seen the patient (fever, trauma, possible fracture):
 * no weeks, volume, effort, hard sessions or exercises to fill in, and nothing to progress. Only the
 * walking guidance and the note are editable; the stored settings travel as hidden fields so the
 * form schema still sees a whole stage, and the server keeps the pause (lib/plans/content.ts).
 */
function PausedStageEditor({
  index: i,
  meta,
  register,
  errorFor,
}: {
  index: number;
  meta: EditorStageMeta;
  register: UseFormRegister<Values>;
  errorFor: (name: string) => string | undefined;
}) {
  const p = `stages.${i}` as const;
  const id = (name: string) => `s${i}-${name}`;
  return (
    <fieldset className="space-y-4 rounded-lg border-2 border-red-300 bg-white p-5 shadow-sm" aria-labelledby={id("title")} data-testid={`paused-stage-${i}`}>
      <legend className="sr-only">Stage {i + 1}</legend>
      <h2 id={id("title")} className="text-lg font-semibold">
        Stage {i + 1}: Paused until a doctor has seen the patient
      </h2>
      <div className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950">
        <p className="font-medium">No training load in this stage: no running, training hours, strength work or hard sessions.</p>
        <p className="mt-1">
          The engine paused it for a medical review. There is nothing to step up here: once a doctor has cleared the patient, reassess
          them and the new plan sets the first training stage.
        </p>
      </div>
      {(["weeksMin", "weeksMax", "volMin", "volMax", "rpe", "longRun", "reason"] as const).map((f) => (
        <input key={f} type="hidden" {...register(`${p}.${f}`)} />
      ))}
      {["weeksMin", "weeksMax", "volMin", "volMax", "rpe"].map((f) =>
        errorFor(`${p}.${f}`) ? (
          // No control to focus here (the settings are hidden): the save bar's jump lands on the message.
          <p key={f} className="text-sm font-medium text-red-700" data-error-for={`${p}.${f}`} tabIndex={-1}>
            {errorFor(`${p}.${f}`)}
          </p>
        ) : null,
      )}
      <Field
        id={id("crossTraining")}
        label="Walking and daily activity meanwhile (one per line)"
        hint="What the patient may do until the medical review."
        error={errorFor(`${p}.crossTraining`)}
      >
        {(aria) => <Textarea {...aria} {...register(`${p}.crossTraining`)} rows={3} className="min-h-20" />}
      </Field>
      <Field id={id("notes")} label="Note for this stage" error={errorFor(`${p}.notes`)}>
        {(aria) => <Textarea {...aria} {...register(`${p}.notes`)} rows={2} className="min-h-14" />}
      </Field>
      <div className="text-sm text-slate-700">
        <p className="font-medium">Ends when</p>
        <ul className="list-disc pl-5">
          {meta.progressWhen.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
        <p className="mt-2 font-medium">Get care sooner when</p>
        <ul className="list-disc pl-5">
          {meta.regressWhen.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </div>
    </fieldset>
  );
}

function StageEditor({
  index: i,
  meta,
  control,
  register,
  errorFor,
  verdict,
  units,
}: {
  index: number;
  meta: EditorStageMeta;
  control: Control<Values>;
  register: UseFormRegister<Values>;
  errorFor: (name: string) => string | undefined;
  verdict: Verdict;
  units: DistanceUnit;
}) {
  const p = `stages.${i}` as const;
  const { fields, append, remove, move } = useFieldArray({ control, name: `${p}.strength` });
  const watched = useWatch({ control, name: p });
  const photos = use(ClinicPhotos);
  const [query, setQuery] = useState("");
  const results = useMemo(() => (query.trim() ? searchExercises(query, 8) : []), [query]);

  const crossings = useMemo(() => {
    if (!watched) return [];
    const vol = num(watched.volMax);
    const longRun = num(watched.longRun);
    const edited = {
      key: meta.key,
      weeks: { min: Number.isNaN(num(watched.weeksMin)) ? meta.engine.weeks.min : num(watched.weeksMin), max: num(watched.weeksMax) },
      trainingHoursPct: Number.isNaN(vol) ? undefined : { min: num(watched.volMin), max: vol },
      longRunKmMax: Number.isNaN(longRun) ? undefined : displayToKm(longRun, units),
      maxEffortRpe: Number.isNaN(num(watched.rpe)) ? meta.engine.maxEffortRpe : num(watched.rpe),
      intensityAllowed: Boolean(watched.intensity),
      strength: watched.strength ?? [],
    };
    return stageCrossings(meta.engine, edited, verdict, i + 1);
  }, [watched, meta, verdict, units, i]);

  const id = (name: string) => `s${i}-${name}`;
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby={id("title")}>
      <legend className="sr-only">Stage {i + 1}</legend>
      <h2 id={id("title")} className="text-lg font-semibold">
        Stage {i + 1}: {meta.title}
      </h2>
      <p className="text-xs text-slate-600">
        Safety limits from the assessment: {meta.engine.weeks.min}-{meta.engine.weeks.max} weeks · volume up to{" "}
        {(meta.engine.trainingHoursPct ?? meta.engine.runVolumePct)?.max ?? "—"} % · effort up to RPE {meta.engine.maxEffortRpe} ·{" "}
        {meta.engine.intensityAllowed ? "hard sessions allowed" : "no hard sessions"}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id={id("weeksMin")} label="Stage lasts at least (weeks)" error={errorFor(`${p}.weeksMin`)}>
          {(aria) => <Input {...aria} {...register(`${p}.weeksMin`)} inputMode="numeric" />}
        </Field>
        <Field id={id("weeksMax")} label="Stage lasts at most (weeks)" error={errorFor(`${p}.weeksMax`)}>
          {(aria) => <Input {...aria} {...register(`${p}.weeksMax`)} inputMode="numeric" />}
        </Field>
        <Field id={id("volMin")} label="Volume % of usual, from" error={errorFor(`${p}.volMin`)}>
          {(aria) => <Input {...aria} {...register(`${p}.volMin`)} inputMode="numeric" />}
        </Field>
        <Field id={id("volMax")} label="Volume % of usual, up to" error={errorFor(`${p}.volMax`)}>
          {(aria) => <Input {...aria} {...register(`${p}.volMax`)} inputMode="numeric" />}
        </Field>
        <Field id={id("rpe")} label="Effort cap (RPE 1-10)" error={errorFor(`${p}.rpe`)}>
          {(aria) => <Input {...aria} {...register(`${p}.rpe`)} inputMode="numeric" />}
        </Field>
        {meta.hasLongRun ? (
          <Field id={id("longRun")} label={`Longest run (${units})`} hint="Leave empty for no limit." error={errorFor(`${p}.longRun`)}>
            {(aria) => <Input {...aria} {...register(`${p}.longRun`)} inputMode="decimal" />}
          </Field>
        ) : null}
        <div className="flex items-end pb-2 sm:col-span-2">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" {...register(`${p}.intensity`)} className="size-4 accent-brand-700" /> Hard sessions allowed (intervals, hills, races)
          </label>
        </div>
      </div>

      {crossings.length ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid={`crossings-${i}`}>
          <p className="text-sm font-medium text-amber-900">Beyond the safety limits from the assessment:</p>
          <ul className="list-disc pl-5 text-sm text-amber-900">
            {crossings.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <Field id={id("reason")} label={`Reason for going beyond the limits (stage ${i + 1})`} error={errorFor(`${p}.reason`)}>
            {(aria) => <Textarea {...aria} {...register(`${p}.reason`)} rows={2} className="min-h-16" />}
          </Field>
        </div>
      ) : (
        <input type="hidden" {...register(`${p}.reason`)} />
      )}

      <Field
        id={id("crossTraining")}
        label="Cross-training instead (one per line)"
        hint="What the patient can do in place of their sport, e.g. cycling or pool running."
        error={errorFor(`${p}.crossTraining`)}
      >
        {(aria) => <Textarea {...aria} {...register(`${p}.crossTraining`)} rows={3} className="min-h-20" />}
      </Field>

      <div className="space-y-3">
        <h3 className="font-medium">Strength work</h3>
        {errorFor(`${p}.strength`) ? (
          <p className="text-sm font-medium text-red-700" data-error-for={`${p}.strength`} tabIndex={-1}>
            {errorFor(`${p}.strength`)}
          </p>
        ) : null}
        <ol className="space-y-3">
          {fields.map((f, j) => {
            const q = `${p}.strength.${j}` as const;
            const xid = (n: string) => `s${i}-x${j}-${n}`;
            return (
              <li key={f.id} className="rounded-md border border-slate-200 p-3" data-testid={`exercise-${i}-${j}`}>
                {/* Reps hold text such as "15-25 per side, building toward the target": on a tablet
                    the name takes its own row so sets and reps share the next one and reps stay
                    readable; three across only from a laptop's width. */}
                <div className="grid gap-3 sm:grid-cols-[5rem_minmax(0,1fr)] lg:grid-cols-[minmax(0,2fr)_5rem_minmax(0,3fr)]">
                  <Field id={xid("exercise")} label={`Exercise ${j + 1}`} error={errorFor(`${q}.exercise`)} className="sm:col-span-2 lg:col-span-1">
                    {(aria) => <Input {...aria} {...register(`${q}.exercise`)} />}
                  </Field>
                  <Field id={xid("sets")} label="Sets" error={errorFor(`${q}.sets`)}>
                    {(aria) => <Input {...aria} {...register(`${q}.sets`)} inputMode="numeric" />}
                  </Field>
                  <Field id={xid("reps")} label="Reps" error={errorFor(`${q}.reps`)}>
                    {(aria) => <Input {...aria} {...register(`${q}.reps`)} />}
                  </Field>
                </div>
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  <Field id={xid("howTo")} label="How to do it" error={errorFor(`${q}.howTo`)}>
                    {(aria) => <Textarea {...aria} {...register(`${q}.howTo`)} rows={2} className="min-h-14" />}
                  </Field>
                  <Field id={xid("note")} label="Note" error={errorFor(`${q}.note`)}>
                    {(aria) => <Textarea {...aria} {...register(`${q}.note`)} rows={2} className="min-h-14" />}
                  </Field>
                </div>
                <ExercisePicture control={control} name={`${q}.exercise`} />
                <div className="mt-2 flex gap-2">
                  <Button type="button" size="sm" variant="outline" disabled={j === 0} onClick={() => move(j, j - 1)} aria-label={`Move exercise ${j + 1} up`}>
                    ↑ Up
                  </Button>
                  <Button type="button" size="sm" variant="outline" disabled={j === fields.length - 1} onClick={() => move(j, j + 1)} aria-label={`Move exercise ${j + 1} down`}>
                    ↓ Down
                  </Button>
                  <Button type="button" size="sm" variant="ghost" onClick={() => remove(j)} aria-label={`Remove exercise ${j + 1}`}>
                    Remove
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <div className="rounded-md border border-dashed border-slate-300 p-3">
          <label htmlFor={id("search")} className="block text-sm font-medium">
            Add from the exercise library
          </label>
          <Input id={id("search")} value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search, e.g. calf, hip, back" className="mt-1" autoComplete="off" />
          {results.length ? (
            <ul className="mt-2 divide-y divide-slate-100" aria-label={`Library results for stage ${i + 1}`}>
              {results.map((r) => (
                <li key={r.name} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span className="flex items-center gap-3">
                    <ExerciseFigure exercise={r.name} photo={photos[r.name]} className="w-20 shrink-0" />
                    <span>
                      <strong>{r.name}</strong> · {r.sets} × {r.reps}
                      <span className="block text-xs text-slate-600">{r.howTo}</span>
                    </span>
                  </span>
                  <Button
                    type="button"
                    size="sm"
                    variant="outline"
                    onClick={() => {
                      append({ exercise: r.name, sets: String(r.sets), reps: r.reps, howTo: r.howTo, note: "" });
                      setQuery("");
                    }}
                    aria-label={`Add ${r.name} to stage ${i + 1}`}
                  >
                    Add
                  </Button>
                </li>
              ))}
            </ul>
          ) : query.trim() ? (
            <p className="mt-2 text-sm text-slate-600">No match in the library.</p>
          ) : null}
          <Button type="button" size="sm" variant="ghost" className="mt-2" onClick={() => append({ exercise: "", sets: "3", reps: "", howTo: "", note: "" })}>
            + Add your own exercise
          </Button>
        </div>
      </div>

      <Field id={id("notes")} label="Note for this stage" error={errorFor(`${p}.notes`)}>
        {(aria) => <Textarea {...aria} {...register(`${p}.notes`)} rows={2} className="min-h-14" />}
      </Field>

      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer">When to move on and step back (from the engine)</summary>
        <p className="mt-2 font-medium">Move on when</p>
        <ul className="list-disc pl-5">
          {meta.progressWhen.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
        <p className="mt-2 font-medium">Step back when</p>
        <ul className="list-disc pl-5">
          {meta.regressWhen.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </details>
    </fieldset>
  );
}
