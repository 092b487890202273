"use client";
import Link from "next/link";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";
import {
  LEVELS,
  levelLabels,
  PATIENT_STATUSES,
  statusLabels,
  patientFormSchema,
  patientUpdateSchema,
  SEXES,
  sexLabels,
  SPORTS,
  sportLabels,
} from "@/lib/validation/patient";

type Props = {
  action: (prev: ActionState, fd: FormData) => Promise<ActionState>;
  initial: Record<string, string>;
  /** Present when editing: the patient id and the version the form was opened at. */
  editing?: { patientId: string; version: number };
  cancelHref: string;
};

export function PatientForm({ action, initial, editing, cancelHref }: Props) {
  const schema = editing ? patientUpdateSchema : patientFormSchema;
  const { state, formAction, onSubmit, errorFor, control, pending } = useServerForm(schema, action, {
    ...initial,
    ...(editing ? { patientId: editing.patientId, version: String(editing.version) } : {}),
  });
  return (
    <form action={formAction} onSubmit={onSubmit} method="post" noValidate className="space-y-6">
      <FormError message={state?.formError} />
      {editing ? (
        <>
          <input type="hidden" {...control("patientId" as never)} />
          <input type="hidden" {...control("version" as never)} />
        </>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="firstName" label="First name" error={errorFor("firstName")}>
          {(aria) => <Input {...aria} {...control("firstName")} autoComplete="off" />}
        </Field>
        <Field id="lastName" label="Last name" error={errorFor("lastName")}>
          {(aria) => <Input {...aria} {...control("lastName")} autoComplete="off" />}
        </Field>
        <Field id="dateOfBirth" label="Date of birth" error={errorFor("dateOfBirth")}>
          {(aria) => <Input {...aria} {...control("dateOfBirth")} type="date" />}
        </Field>
        <Field id="sex" label="Sex" error={errorFor("sex")}>
          {(aria) => (
            <Select {...aria} {...control("sex")}>
              <option value="">Choose…</option>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {sexLabels[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="sport" label="Main sport" error={errorFor("sport")}>
          {(aria) => (
            <Select {...aria} {...control("sport")}>
              <option value="">Choose…</option>
              {SPORTS.map((s) => (
                <option key={s} value={s}>
                  {sportLabels[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="level" label="Level (optional)" error={errorFor("level")}>
          {(aria) => (
            <Select {...aria} {...control("level")}>
              <option value="">Not recorded</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {levelLabels[l]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="email" label="Email (optional)" error={errorFor("email")}>
          {(aria) => <Input {...aria} {...control("email")} type="email" autoComplete="off" />}
        </Field>
        <Field id="phone" label="Phone (optional)" error={errorFor("phone")}>
          {(aria) => <Input {...aria} {...control("phone")} type="tel" autoComplete="off" />}
        </Field>
      </div>
      {editing ? (
        <Field
          id="status"
          label="Status"
          hint="Discharging keeps the patient's link and plan working but closes their check-ins. Set Active again to reopen them."
          error={errorFor("status")}
        >
          {(aria) => (
            <Select {...aria} {...control("status")}>
              {PATIENT_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {statusLabels[st]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field id="notes" label="Notes (optional)" hint="Visible to clinicians in this clinic only." error={errorFor("notes")}>
        {(aria) => <Textarea {...aria} {...control("notes")} rows={4} />}
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save changes" : "Add patient"}
        </Button>
        <Button variant="ghost" asChild>
          <Link href={cancelHref}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
