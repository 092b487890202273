"use client";
import { useActionState, useRef, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

const linkOf = (s: ActionState) => (s?.ok && s.message?.startsWith("link:") ? s.message.slice(5) : null);
const fmt = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/**
 * Publish, and the patient's link: issue (shown once, since only its hash is stored), re-issue
 * and revoke. A fresh link also offers the patient's PDF with the link and QR code printed.
 *
 * Publishing asks once, naming the version the patient will see. Without JavaScript the button
 * posts the form as it stands (there is no dialog to answer), so it never asks twice either.
 */
export function LinkPanel({
  ids,
  version,
  publishedVersion,
  link,
  actions,
  blocked,
}: {
  ids: { planId: string; patientId: string };
  version: number;
  publishedVersion: number | null;
  link: { createdAt: string; expiresAt: string; expired: boolean } | null;
  actions: { publish: Action; issue: Action; revoke: Action };
  /** The red-flag gate is closed (ADR 0013): the server refuses too; this only says so early. */
  blocked?: boolean;
}) {
  // One state for the three forms, so the newest answer wins: a revoke clears a shown link.
  const [state, act, pending] = useActionState(async (prev: ActionState, fd: FormData) => {
    const op = fd.get("op");
    const a = op === "publish" ? actions.publish : op === "issue" ? actions.issue : actions.revoke;
    return a(prev, fd);
  }, null);
  const fresh = linkOf(state);
  const url = fresh ? (typeof window === "undefined" ? fresh : new URL(fresh, window.location.href).href) : null;
  const hidden = (
    <>
      <input type="hidden" name="planId" value={ids.planId} />
      <input type="hidden" name="patientId" value={ids.patientId} />
    </>
  );
  const status = state?.ok && state.message && !fresh ? state.message : undefined;
  const publishForm = useRef<HTMLFormElement>(null);
  const publishButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmed = useRef(false);
  const error = state && !state.ok ? state.formError : undefined;

  return (
    <div ref={panel} tabIndex={-1} className="space-y-4 focus:outline-none">
      <FormError message={error} />
      {status ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {status}
        </p>
      ) : null}
      <p className="text-sm">
        {publishedVersion ? (
          <>
            Published: <strong>version {publishedVersion}</strong>
            {publishedVersion < version ? ` (version ${version} is saved but not published)` : ""}
          </>
        ) : (
          <>Not published yet: the patient sees nothing until you publish.</>
        )}
      </p>
      <form ref={publishForm} action={act} method="post">
        {hidden}
        <input type="hidden" name="op" value="publish" />
        <input type="hidden" name="version" value={String(version)} />
        <Button
          ref={publishButton}
          type="submit"
          disabled={pending || blocked || publishedVersion === version}
          onClick={(e) => {
            // With JavaScript, ask first; the dialog's Publish submits this same form.
            e.preventDefault();
            setConfirming(true);
          }}
        >
          {pending ? "Working…" : blocked ? "Publishing blocked" : publishedVersion === version ? `Version ${version} is published` : `Publish version ${version}`}
        </Button>
      </form>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent
          onCloseAutoFocus={(e) => {
            // Back to the button after Cancel; after Publish the button is busy (disabled), so the
            // panel, where the result and the new link appear, takes focus instead.
            e.preventDefault();
            (confirmed.current ? panel.current : publishButton.current)?.focus();
            confirmed.current = false;
          }}
        >
          <AlertDialogTitle>Publish version {version}?</AlertDialogTitle>
          <AlertDialogDescription>
            The patient will see version {version} on their link and PDF
            {publishedVersion ? `, in place of version ${publishedVersion}.` : ". Until now they saw no plan."}
          </AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              onClick={() => {
                confirmed.current = true;
                publishForm.current?.requestSubmit();
              }}
            >
              Publish
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>

      {url ? (
        <div className="space-y-2 rounded-md border border-brand-600 bg-brand-50 p-3" data-testid="new-link">
          <p className="text-sm font-medium">Patient link (shown only now: copy it or print the PDF for the patient)</p>
          <Input readOnly value={url} aria-label="Patient link" onFocus={(e) => e.currentTarget.select()} />
          <div className="flex flex-wrap gap-2">
            <Button type="button" size="sm" variant="outline" onClick={() => navigator.clipboard?.writeText(url)}>
              Copy link
            </Button>
            <form action={`/patients/${ids.patientId}/plans/${ids.planId}/pdf`} method="post" target="_blank">
              <input type="hidden" name="token" value={fresh!.replace(/^\/p\//, "")} />
              <Button type="submit" size="sm" variant="outline">
                Patient PDF with link and QR code
              </Button>
            </form>
          </div>
        </div>
      ) : null}

      <div className="text-sm">
        {link ? (
          link.expired ? (
            <p>The patient link expired on {fmt(link.expiresAt)}.</p>
          ) : (
            <p>
              A patient link is live: issued {fmt(link.createdAt)}, expires {fmt(link.expiresAt)}.
            </p>
          )
        ) : (
          <p>No live patient link.</p>
        )}
      </div>
      {publishedVersion ? (
        <div className="flex flex-wrap items-end gap-3">
          <form action={act} method="post" className="flex items-end gap-2">
            {hidden}
            <input type="hidden" name="op" value="issue" />
            <label className="text-sm">
              <span className="block font-medium">Valid for (days)</span>
              <Input name="days" defaultValue="90" inputMode="numeric" className="w-24" />
            </label>
            <Button type="submit" variant="outline" disabled={pending}>
              {link ? "Issue a new link (ends the old one)" : "Issue link"}
            </Button>
          </form>
          {link && !link.expired ? (
            <form action={act} method="post">
              {hidden}
              <input type="hidden" name="op" value="revoke" />
              <Button type="submit" variant="destructive" disabled={pending}>
                Revoke link
              </Button>
            </form>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
