"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import type { TimeZoneGroup } from "@/lib/time/time-zones";
import { clinicSettingsSchema, engineFieldDefault, engineFields, type EngineField } from "@/lib/validation/admin";

const groups: { id: EngineField["group"]; title: string; note?: string }[] = [
  { id: "capacity", title: "Capacity tests" },
  { id: "pain", title: "Pain and irritability at assessment" },
  { id: "load", title: "Training load and recovery" },
  {
    id: "checkins",
    title: "Pain traffic light and check-in review",
    note: "The plan's pain traffic light and its move-on and step-back criteria print these numbers, and the check-in review applies the same ones.",
  },
];

/** "Default 3/10 or less (Silbernagel et al. 2007). 1 to 5." */
function hintFor(f: EngineField): string {
  const d = engineFieldDefault(f);
  const unit = f.unit.startsWith("/") || f.unit.startsWith("%") ? f.unit : ` ${f.unit}`;
  return `Default ${d}${unit} (${f.source}). ${f.min} to ${f.max}.`;
}

export function SettingsForm({
  action,
  initial,
  timeZones,
}: {
  action: (p: ActionState, fd: FormData) => Promise<ActionState>;
  initial: Record<string, string>;
  /** The zones to offer, by region, from the server's Intl (the one that reads the clinic's day). */
  timeZones: TimeZoneGroup[];
}) {
  const { state, formAction, onSubmit, errorFor, control, pending } = useServerForm(clinicSettingsSchema, action, initial);
  const num = (name: Parameters<typeof control>[0], label: string, hint: string) => (
    <Field key={name} id={name} label={label} hint={hint} error={errorFor(name)}>
      {(aria) => <Input {...aria} {...control(name)} inputMode="decimal" />}
    </Field>
  );
  return (
    <form action={formAction} onSubmit={onSubmit} method="post" noValidate className="space-y-8">
      <FormError message={state?.formError} />
      {state?.ok ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {state.message}
        </p>
      ) : null}
      {/* The saved version replaces the one the page was opened with, so a second save works. */}
      <input type="hidden" name="version" value={state?.values?.version ?? initial.version} />
      <fieldset className="grid gap-5 sm:grid-cols-3">
        <legend className="mb-3 font-semibold">Documents and sessions</legend>
        <Field id="units" label="Distance units" error={errorFor("units")}>
          {(aria) => (
            <Select {...aria} {...control("units")}>
              <option value="km">Kilometres</option>
              <option value="mi">Miles</option>
            </Select>
          )}
        </Field>
        <Field id="paperSize" label="Paper size for PDFs" error={errorFor("paperSize")}>
          {(aria) => (
            <Select {...aria} {...control("paperSize")}>
              <option value="A4">A4</option>
              <option value="LETTER">US Letter</option>
            </Select>
          )}
        </Field>
        {num("idleTimeoutMinutes", "Idle sign-out (minutes)", "5 to 120. Applies on the next request.")}
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-1 font-semibold">Clinic time zone</legend>
        <Field
          id="timeZone"
          label="Time zone"
          hint="Decides the clinic's “today” for check-ins and reassessment dates, and the times on screens. Offsets as of now."
          error={errorFor("timeZone")}
        >
          {(aria) => (
            <Select {...aria} {...control("timeZone")}>
              {timeZones.map((g) => (
                <optgroup key={g.region} label={g.region}>
                  {g.zones.map((z) => (
                    <option key={z.value} value={z.value}>
                      {z.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-1 font-semibold">Remote monitoring (RTM) records</legend>
        <Field
          id="rtmCountPaperLogs"
          label="Count typed paper logs as data days"
          hint="Off by default. When on, a session a clinician types in from the patient's paper log counts as a data day on the day it describes. Check what your payers accept first: the worksheet documents, it never bills."
          error={errorFor("rtmCountPaperLogs")}
        >
          {(aria) => (
            <Select {...aria} {...control("rtmCountPaperLogs")}>
              <option value="off">No: only check-ins the patient sends</option>
              <option value="on">Yes: paper logs count too</option>
            </Select>
          )}
        </Field>
      </fieldset>
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-1 font-semibold">How patients contact the clinic</legend>
        <p className="text-sm text-slate-600 sm:col-span-2">
          Shown on every patient&apos;s plan page and PDF, and to patients whose program has finished. Leave a field empty to show none.
        </p>
        <Field id="contactPhone" label="Phone (optional)" hint="Digits, spaces and + ( ) -, for example +44 20 7946 0000." error={errorFor("contactPhone")}>
          {(aria) => <Input {...aria} {...control("contactPhone")} type="tel" autoComplete="off" />}
        </Field>
        <Field id="contactEmail" label="Email (optional)" error={errorFor("contactEmail")}>
          {(aria) => <Input {...aria} {...control("contactEmail")} type="email" autoComplete="off" />}
        </Field>
      </fieldset>
      <p className="text-sm text-slate-600">
        Clinical thresholds: the defaults come from the sources in the rules reference (shown beside each field). Change one only as a
        clinic decision. Only values that differ from the default are stored, so a later change to a default reaches every threshold you
        left alone; every saved assessment keeps the ruleset version it was made with.
      </p>
      {groups.map((g) => (
        <fieldset key={g.id} className="grid gap-5 sm:grid-cols-3">
          <legend className="mb-1 font-semibold">{g.title}</legend>
          {g.note ? <p className="text-sm text-slate-600 sm:col-span-3">{g.note}</p> : null}
          {engineFields
            .filter((f) => f.group === g.id)
            .map((f) => num(f.name, f.label, hintFor(f)))}
        </fieldset>
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
