"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LinkQr } from "./link-qr";

type Copy = "idle" | "copied" | "selected";

/** How long the button says "Copied" before it offers to copy again. */
const COPIED_MS = 4000;

/**
 * The patient's live link on screen: the address to copy, its QR code to scan, and the patient's
 * PDF with both printed. Copying says that it worked, on the button and to a screen reader; when
 * the browser refuses the clipboard, the address is left selected with how to copy it by hand.
 * Keyed by the URL where it is used, so a re-issued link starts with nothing copied.
 */
export function ShownLink({ url, expires, fresh, pdfAction }: { url: string; expires: string; fresh: boolean; pdfAction: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<Copy>("idle");
  useEffect(() => {
    if (copy !== "copied") return;
    const t = setTimeout(() => setCopy("idle"), COPIED_MS);
    return () => clearTimeout(t);
  }, [copy]);

  async function onCopy() {
    try {
      // Undefined outside a secure context (plain http on another host); may reject when refused.
      if (!navigator.clipboard?.writeText) throw new Error("clipboard unavailable");
      await navigator.clipboard.writeText(url);
      setCopy("copied");
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopy("selected");
    }
  }

  return (
    <div className="space-y-3 rounded-md border border-brand-600 bg-brand-50 p-4" data-testid="shown-link">
      <p className="text-sm font-medium">
        {fresh ? "New patient link" : "The patient's link"} · works until {expires}
      </p>
      <div className="flex flex-wrap items-start gap-4">
        <div className="min-w-0 flex-1 space-y-2">
          <Input ref={input} readOnly value={url} aria-label="Patient link" onFocus={(e) => e.currentTarget.select()} className="font-mono text-sm" />
          <div className="flex flex-wrap gap-2">
            <Button type="button" size="sm" variant={copy === "copied" ? "default" : "outline"} onClick={onCopy} aria-describedby="copy-link-status">
              {copy === "copied" ? "Copied ✓" : "Copy link"}
            </Button>
            <form action={pdfAction} method="post" target="_blank">
              <Button type="submit" size="sm" variant="outline">
                Patient PDF with this link and QR code
              </Button>
            </form>
          </div>
          {/* Announced when it changes; visible too, so everyone gets the same confirmation. */}
          <p id="copy-link-status" role="status" aria-live="polite" className="min-h-5 text-sm text-brand-800">
            {copy === "copied"
              ? "Link copied. Paste it into a message to the patient."
              : copy === "selected"
                ? "This browser did not let Loadwise copy. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it."
                : ""}
          </p>
          <p className="text-xs text-slate-600">Keep it private: anyone with this link can read the plan and log check-ins.</p>
        </div>
        <LinkQr url={url} />
      </div>
    </div>
  );
}
