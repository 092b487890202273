"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import { CHECKIN_ACTIVITIES, CHECKIN_DONE, MORNING_COMPARISONS } from "@/lib/clinical/checkins/contract";
import { ACTIVITY_WORDS, DONE_WORDS, MORNING_WORDS } from "@/lib/validation/checkin";
import { paperCheckInSchema } from "@/lib/validation/paper-check-in";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * One row of the paper session log, typed in the order the printed log has its columns. Saving
 * returns to a fresh form below the rows already entered, so a week of rows goes quickly.
 */
export function PaperEntryForm({ action, patientId, idempotencyKey, today, units }: { action: Action; patientId: string; idempotencyKey: string; today: string; units: "km" | "mi" }) {
  const f = useServerForm(paperCheckInSchema, action, {
    patientId,
    idempotencyKey,
    sessionDate: "",
    activity: "run",
    done: "as_planned",
    minutes: "",
    distance: "",
    painDuringNrs: "",
    morningPainNrs: "",
    comparedWithBefore: "",
    note: "",
  });
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} method="post" noValidate className="space-y-5" aria-label="Enter a paper log row">
      <input type="hidden" {...f.control("patientId")} />
      <input type="hidden" {...f.control("idempotencyKey")} />
      <FormError message={f.state && !f.state.ok ? f.state.formError : undefined} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="sessionDate" label="Date" error={f.errorFor("sessionDate")}>
          {(aria) => <Input {...aria} {...f.control("sessionDate")} type="date" max={today} autoFocus />}
        </Field>
        <Field id="activity" label="Session" error={f.errorFor("activity")}>
          {(aria) => (
            <Select {...aria} {...f.control("activity")}>
              {CHECKIN_ACTIVITIES.map((a) => (
                <option key={a} value={a}>
                  {ACTIVITY_WORDS[a]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="done" label="How it went" error={f.errorFor("done")}>
          {(aria) => (
            <Select {...aria} {...f.control("done")}>
              {CHECKIN_DONE.map((d) => (
                <option key={d} value={d}>
                  {DONE_WORDS[d]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="minutes" label="Minutes (optional)" error={f.errorFor("minutes")}>
          {(aria) => <Input {...aria} {...f.control("minutes")} inputMode="numeric" />}
        </Field>
        <Field id="distance" label={`Distance, ${units === "mi" ? "miles" : "km"} (optional)`} error={f.errorFor("distance")}>
          {(aria) => <Input {...aria} {...f.control("distance")} inputMode="decimal" />}
        </Field>
        <Field id="painDuringNrs" label="Pain during (0-10)" error={f.errorFor("painDuringNrs")}>
          {(aria) => <Input {...aria} {...f.control("painDuringNrs")} inputMode="numeric" />}
        </Field>
        <Field id="morningPainNrs" label="Next morning (0-10, optional)" error={f.errorFor("morningPainNrs")}>
          {(aria) => <Input {...aria} {...f.control("morningPainNrs")} inputMode="numeric" />}
        </Field>
        <Field id="comparedWithBefore" label="Next morning compared with before" hint="Needed with a next-morning score." error={f.errorFor("comparedWithBefore")}>
          {(aria) => (
            <Select {...aria} {...f.control("comparedWithBefore")}>
              <option value="">Not recorded</option>
              {MORNING_COMPARISONS.map((m) => (
                <option key={m} value={m}>
                  {MORNING_WORDS[m]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field id="note" label="Note (optional)" error={f.errorFor("note")}>
        {(aria) => <Textarea {...aria} {...f.control("note")} rows={2} />}
      </Field>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? "Saving…" : "Save and add another"}
      </Button>
    </form>
  );
}
