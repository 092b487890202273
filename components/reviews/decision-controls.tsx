"use client";
import Link from "next/link";
import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { useServerForm } from "@/components/forms/use-server-form";
import type { ActionState } from "@/lib/auth/action-state";
import { acknowledgeReviewSchema, dismissReviewSchema } from "@/lib/validation/review";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;
type Ref = { patientId: string; reviewId: string; reviewVersion: number; returnTo: "queue" | "patient" };

const Hidden = ({ r }: { r: Ref }) => (
  <>
    <input type="hidden" name="patientId" value={r.patientId} />
    <input type="hidden" name="reviewId" value={r.reviewId} />
    <input type="hidden" name="reviewVersion" value={r.reviewVersion} />
    <input type="hidden" name="returnTo" value={r.returnTo} />
  </>
);

const Done = ({ message }: { message: string }) => (
  <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
    {message}
  </p>
);

/**
 * Approve in one click; "Edit first" opens the plan with the change filled in; dismissing (or,
 * for a seek-care or urgent report, recording what was done) asks for a reason beside its box.
 */
export function DecisionControls({
  r,
  kind,
  editHref,
  approveBlockedBy,
  actions,
}: {
  r: Ref;
  kind: "move" | "care";
  editHref: string;
  /** Why one-click approval is not offered (e.g. unpublished saves), if so. */
  approveBlockedBy?: string;
  actions: { approve: Action; dismiss: Action; acknowledge: Action };
}) {
  const [approveState, approve, approving] = useActionState(actions.approve, null);
  const [open, setOpen] = useState<null | "dismiss" | "acknowledge">(null);
  if (approveState?.ok) return <Done message={approveState.message ?? "Approved."} />;
  return (
    <div className="space-y-3">
      <FormError message={approveState && !approveState.ok ? approveState.formError : undefined} />
      <div className="flex flex-wrap items-center gap-2">
        {kind === "move" ? (
          <>
            <form action={approve}>
              <Hidden r={r} />
              <Button type="submit" disabled={approving || Boolean(approveBlockedBy)} aria-describedby={approveBlockedBy ? `${r.reviewId}-blocked` : undefined}>
                {approving ? "Publishing…" : "Approve and publish"}
              </Button>
            </form>
            <Button variant="outline" asChild>
              <Link href={editHref}>Edit first</Link>
            </Button>
            <Button variant="ghost" type="button" aria-expanded={open === "dismiss"} onClick={() => setOpen(open === "dismiss" ? null : "dismiss")}>
              Dismiss
            </Button>
          </>
        ) : (
          <>
            <Button type="button" aria-expanded={open === "acknowledge"} onClick={() => setOpen(open === "acknowledge" ? null : "acknowledge")}>
              Record what you did
            </Button>
            <Button variant="ghost" type="button" aria-expanded={open === "dismiss"} onClick={() => setOpen(open === "dismiss" ? null : "dismiss")}>
              Dismiss
            </Button>
          </>
        )}
      </div>
      {approveBlockedBy ? (
        <p id={`${r.reviewId}-blocked`} className="text-sm text-slate-700">
          {approveBlockedBy}
        </p>
      ) : null}
      {open === "dismiss" ? (
        <ReasonForm
          r={r}
          action={actions.dismiss}
          label="Why dismiss this suggestion?"
          hint="Kept with the review in the record. It comes back only if a new check-in changes the picture."
          submit="Dismiss suggestion"
        />
      ) : null}
      {open === "acknowledge" ? (
        <ReasonForm r={r} action={actions.acknowledge} label="What did you do?" hint="For example: phoned the patient, referred to their GP, booked a visit." submit="Record and close" acknowledge />
      ) : null}
    </div>
  );
}

function ReasonForm({ r, action, label, hint, submit, acknowledge }: { r: Ref; action: Action; label: string; hint: string; submit: string; acknowledge?: boolean }) {
  const f = useServerForm(acknowledge ? acknowledgeReviewSchema : dismissReviewSchema, action, { reason: "" });
  const id = useId();
  if (f.state?.ok) return <Done message={f.state.message ?? "Saved."} />;
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="max-w-xl space-y-3">
      <Hidden r={r} />
      <FormError message={f.state && !f.state.ok ? f.state.formError : undefined} />
      <Field id={`${id}-reason`} label={label} hint={hint} error={f.errorFor("reason")}>
        {(aria) => <textarea {...aria} {...f.control("reason")} rows={3} autoFocus className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />}
      </Field>
      <Button type="submit" variant={acknowledge ? "default" : "outline"} disabled={f.pending}>
        {f.pending ? "Saving…" : submit}
      </Button>
    </form>
  );
}
