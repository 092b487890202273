"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import { correctRtmTimeFormSchema, endRtmEpisodeSchema, logRtmTimeFormSchema, recordRtmSetupSchema, startRtmEpisodeSchema, voidRtmTimeFormSchema } from "@/lib/validation/rtm";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;
const formError = (s: ActionState) => (s && !s.ok ? s.formError : undefined);

/** Starts monitoring. Who took consent is the signed-in clinician; when is now. */
export function StartEpisodeForm({ action, patientId, today }: { action: Action; patientId: string; today: string }) {
  const f = useServerForm(startRtmEpisodeSchema, action, { patientId, consentMethod: "", startedOn: today });
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} method="post" noValidate className="space-y-4" aria-label="Start remote monitoring">
      <input type="hidden" {...f.control("patientId")} />
      <FormError message={formError(f.state)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="start-consentMethod" label="How the patient gave consent" error={f.errorFor("consentMethod")}>
          {(aria) => (
            <Select {...aria} {...f.control("consentMethod")}>
              <option value="">Choose…</option>
              <option value="verbal">Verbally</option>
              <option value="written">In writing</option>
              <option value="electronic">Electronically</option>
            </Select>
          )}
        </Field>
        <Field id="start-startedOn" label="First monitored day" error={f.errorFor("startedOn")}>
          {(aria) => <Input {...aria} {...f.control("startedOn")} type="date" max={today} />}
        </Field>
      </div>
      <p className="text-xs text-slate-600">Consent is recorded as taken by you, now.</p>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? "Starting…" : "Start monitoring"}
      </Button>
    </form>
  );
}

/** Set-up and education, once per episode. */
export function SetupForm({ action, episodeId, version, today }: { action: Action; episodeId: string; version: number; today: string }) {
  const f = useServerForm(recordRtmSetupSchema, action, { episodeId, version: String(version), setupEducationOn: today });
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} method="post" noValidate className="flex flex-wrap items-end gap-3" aria-label="Record set-up and education">
      <input type="hidden" {...f.control("episodeId")} />
      <input type="hidden" {...f.control("version")} />
      <div className="w-full">
        <FormError message={formError(f.state)} />
      </div>
      <Field id={`setup-${episodeId}`} label="Day of set-up and education" error={f.errorFor("setupEducationOn")}>
        {(aria) => <Input {...aria} {...f.control("setupEducationOn")} type="date" max={today} />}
      </Field>
      <Button type="submit" variant="outline" disabled={f.pending}>
        {f.pending ? "Saving…" : "Record set-up"}
      </Button>
    </form>
  );
}

/** Ends the episode on its last monitored day. */
export function EndEpisodeForm({ action, episodeId, version, today }: { action: Action; episodeId: string; version: number; today: string }) {
  const f = useServerForm(endRtmEpisodeSchema, action, { episodeId, version: String(version), endedOn: today });
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} method="post" noValidate className="flex flex-wrap items-end gap-3" aria-label="End remote monitoring">
      <input type="hidden" {...f.control("episodeId")} />
      <input type="hidden" {...f.control("version")} />
      <div className="w-full">
        <FormError message={formError(f.state)} />
      </div>
      <Field id={`end-${episodeId}`} label="Last monitored day" error={f.errorFor("endedOn")}>
        {(aria) => <Input {...aria} {...f.control("endedOn")} type="date" max={today} />}
      </Field>
      <Button type="submit" variant="outline" disabled={f.pending}>
        {f.pending ? "Ending…" : "End monitoring"}
      </Button>
    </form>
  );
}

type Entry = { id: string; entryDate: string; minutes: number; activity: string; interactive: boolean; performedBy: string };

function TimeFields({ f, prefix, today, compact }: { f: ReturnType<typeof useServerForm>; prefix: string; today: string; compact?: boolean }) {
  return (
    <div className={compact ? "grid gap-3 sm:grid-cols-2" : "grid gap-4 sm:grid-cols-2 lg:grid-cols-4"}>
      <Field id={`${prefix}-entryDate`} label="Day" error={f.errorFor("entryDate")}>
        {(aria) => <Input {...aria} {...f.control("entryDate")} type="date" max={today} />}
      </Field>
      <Field id={`${prefix}-minutes`} label="Minutes (1-240)" error={f.errorFor("minutes")}>
        {(aria) => <Input {...aria} {...f.control("minutes")} inputMode="numeric" />}
      </Field>
      <Field id={`${prefix}-interactive`} label="Live call or video with the patient" error={f.errorFor("interactive")}>
        {(aria) => (
          <Select {...aria} {...f.control("interactive")}>
            <option value="">Choose…</option>
            <option value="yes">Yes, live two-way</option>
            <option value="no">No</option>
          </Select>
        )}
      </Field>
      <Field id={`${prefix}-performedBy`} label="Done by" error={f.errorFor("performedBy")}>
        {(aria) => (
          <Select {...aria} {...f.control("performedBy")}>
            <option value="pt">Physical therapist</option>
            <option value="pta">Assistant (PTA)</option>
          </Select>
        )}
      </Field>
      <Field id={`${prefix}-activity`} label="What was done" className={compact ? "sm:col-span-2" : "sm:col-span-2 lg:col-span-4"} error={f.errorFor("activity")}>
        {(aria) => <Textarea {...aria} {...f.control("activity")} rows={2} />}
      </Field>
    </div>
  );
}

/** Logs minutes spent on the patient's remote data. On a review card it returns to the queue. */
export function LogMinutesForm({ action, patientId, today, returnTo = "rtm", reviewId, prefix = "log" }: { action: Action; patientId: string; today: string; returnTo?: "rtm" | "queue"; reviewId?: string; prefix?: string }) {
  const f = useServerForm(logRtmTimeFormSchema, action, { patientId, returnTo, reviewId: reviewId ?? "", entryDate: today, minutes: "", interactive: "", performedBy: "pt", activity: "" });
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} method="post" noValidate className="space-y-4" aria-label="Log minutes">
      <input type="hidden" {...f.control("patientId")} />
      <input type="hidden" {...f.control("returnTo")} />
      {reviewId ? <input type="hidden" {...f.control("reviewId")} /> : null}
      <FormError message={formError(f.state)} />
      <TimeFields f={f} prefix={prefix} today={today} compact={returnTo === "queue"} />
      <Button type="submit" disabled={f.pending}>
        {f.pending ? "Saving…" : "Log minutes"}
      </Button>
    </form>
  );
}

/** Replaces an entry with a corrected one, or withdraws it; the old row stays as written. */
export function CorrectEntryForms({ correct, withdraw, patientId, entry, today }: { correct: Action; withdraw: Action; patientId: string; entry: Entry; today: string }) {
  const f = useServerForm(correctRtmTimeFormSchema, correct, {
    patientId,
    correctsId: entry.id,
    entryDate: entry.entryDate,
    minutes: String(entry.minutes),
    interactive: entry.interactive ? "yes" : "no",
    performedBy: entry.performedBy,
    activity: entry.activity,
  });
  const w = useServerForm(voidRtmTimeFormSchema, withdraw, { patientId, correctsId: entry.id });
  return (
    <div className="space-y-3">
      <form action={f.formAction} onSubmit={f.onSubmit} method="post" noValidate className="space-y-3" aria-label={`Correct the entry of ${entry.entryDate}`}>
        <input type="hidden" {...f.control("patientId")} />
        <input type="hidden" {...f.control("correctsId")} />
        <FormError message={formError(f.state)} />
        <TimeFields f={f} prefix={`fix-${entry.id}`} today={today} compact />
        <Button type="submit" variant="outline" disabled={f.pending}>
          {f.pending ? "Saving…" : "Save correction"}
        </Button>
      </form>
      <form action={w.formAction} onSubmit={w.onSubmit} method="post" noValidate aria-label={`Withdraw the entry of ${entry.entryDate}`}>
        <input type="hidden" {...w.control("patientId")} />
        <input type="hidden" {...w.control("correctsId")} />
        <FormError message={formError(w.state)} />
        <Button type="submit" variant="outline" disabled={w.pending}>
          {w.pending ? "Withdrawing…" : "Withdraw this entry"}
        </Button>
      </form>
    </div>
  );
}
