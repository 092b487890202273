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
import { ShownLink } from "./shown-link";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;
type Op = "publish" | "issue" | "revoke" | "show";

/** The live link as the page knows it; `kept` says whether it can be shown again (ADR 0021). */
export type LinkPanelLink = { issued: string; expires: string; expired: boolean; kept: "kept" | "not_kept" | "key_unavailable" };

const linkOf = (s: ActionState) => (s?.ok && s.message?.startsWith("link:") ? s.message.slice(5) : null);

/**
 * Publish, and the patient's link: show the same live link again (copy, QR code, PDF) as often
 * as needed; issue a new one (which ends the old) or revoke it, as separate, plainly worded acts.
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
  link: LinkPanelLink | null;
  actions: Record<Op, Action>;
  /** The red-flag gate is closed (ADR 0013): the server refuses too; this only says so early. */
  blocked?: boolean;
}) {
  // One state for every form, so the newest answer wins: a revoke clears a shown link.
  const [state, act, pending] = useActionState(
    async (prev: ActionState, fd: FormData) => {
      const op = fd.get("op") as Op;
      const a = actions[op] ?? actions.show;
      return { ...(await a(prev, fd)), op } as ActionState & { op?: Op };
    },
    null as (ActionState & { op?: Op }) | null,
  );
  const shown = linkOf(state);
  const url = shown ? (typeof window === "undefined" ? shown : new URL(shown, window.location.href).href) : null;
  const fresh = state?.op === "publish" || state?.op === "issue";
  const hidden = (
    <>
      <input type="hidden" name="planId" value={ids.planId} />
      <input type="hidden" name="patientId" value={ids.patientId} />
    </>
  );
  const status = state?.ok && state.message && !shown ? state.message : undefined;
  const publishForm = useRef<HTMLFormElement>(null);
  const publishButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmed = useRef(false);
  const error = state && !state.ok ? state.formError : undefined;
  const live = link && !link.expired ? link : null;
  const pdfAction = `/patients/${ids.patientId}/plans/${ids.planId}/pdf`;

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

      <section aria-labelledby="patient-link-title" className="space-y-3 border-t border-slate-200 pt-4" data-testid="link-panel">
        <h3 id="patient-link-title" className="font-semibold">
          The patient&apos;s link
        </h3>
        <div className="text-sm">
          {live ? (
            <p>
              Live: issued {live.issued}, works until <strong>{live.expires}</strong>.
            </p>
          ) : link ? (
            <p>The patient link expired on {link.expires}. It no longer opens the plan: issue a new link to give the patient one.</p>
          ) : (
            <p>No live patient link.</p>
          )}
        </div>

        {url && live ? (
          <ShownLink key={url} url={url} expires={live.expires} fresh={fresh} pdfAction={pdfAction} />
        ) : live?.kept === "kept" ? (
          <form action={act} method="post">
            {hidden}
            <input type="hidden" name="op" value="show" />
            <Button type="submit" variant="outline" disabled={pending}>
              Show link
            </Button>
            <span className="ml-3 text-sm text-slate-600">The same link again, to copy, print on the PDF or show as a QR code. Nothing changes for the patient.</span>
          </form>
        ) : live ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="link-not-kept">
            {live.kept === "not_kept"
              ? "This link was issued before Loadwise kept links to show again, so it cannot be shown here. It still works if the patient has it."
              : "This link cannot be read on this server any more (its encryption key was changed), so it cannot be shown here. It still works if the patient has it."}{" "}
            To hand the patient a link now, issue a new one below: that ends this one.
          </p>
        ) : null}

        {publishedVersion ? (
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <p className="text-sm font-medium">{live ? "Replace or end the link" : "Give the patient a link"}</p>
            {live ? (
              <p className="text-sm text-slate-700">
                A new link ends this one at once: the address the patient has stops working and they need the new one.
              </p>
            ) : null}
            <div className="flex flex-wrap items-end gap-3">
              <form action={act} method="post" className="flex items-end gap-2">
                {hidden}
                <input type="hidden" name="op" value="issue" />
                <label className="text-sm">
                  <span className="block font-medium">Valid for (days)</span>
                  <Input name="days" defaultValue="90" inputMode="numeric" className="w-24" />
                </label>
                <Button type="submit" variant="outline" disabled={pending}>
                  {live ? "Issue a new link (ends the old one)" : "Issue link"}
                </Button>
              </form>
              {live ? (
                <form action={act} method="post">
                  {hidden}
                  <input type="hidden" name="op" value="revoke" />
                  <Button type="submit" variant="destructive" disabled={pending}>
                    Revoke link
                  </Button>
                </form>
              ) : null}
            </div>
          </div>
        ) : null}
      </section>
    </div>
  );
}
