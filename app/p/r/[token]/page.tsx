import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { openLinkToken } from "@/lib/plans/link-token-seal";
import { liveReminderLink, reminderStopPath } from "@/lib/reminders/reminder-link";
import { clockForRequest } from "@/lib/time/request-clock";

// The check-in link in a reminder email (ADR 0031): it only forwards to the patient's own live
// link, so it can never open more than that link does; revoked or expired, it is a 404. A GET
// changes nothing (mail scanners open links before the patient does).
export const metadata: Metadata = { title: "Your check-in", referrer: "same-origin" };

export default async function ReminderLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const now = clockForRequest(await headers()).now();
  const live = await liveReminderLink(await getDb(), token, now);
  if (!live) notFound();
  const { planLink } = live;
  const patientToken =
    planLink.tokenCiphertext && planLink.tokenKeyId
      ? openLinkToken({ ciphertext: planLink.tokenCiphertext, keyId: planLink.tokenKeyId }, { clinicId: planLink.clinicId, linkId: planLink.id })
      : null;
  if (patientToken) redirect(`/p/${patientToken}`);
  // A link issued before links were kept sealed (ADR 0021) cannot be reopened from here.
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-xl flex-col justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Time for your check-in</h1>
      <p className="text-slate-600">Open the link {live.clinicName || "your clinic"} gave you to check in.</p>
      <p className="text-sm text-slate-600">
        <Link className="underline" href={reminderStopPath(token)}>
          Stop these reminders
        </Link>
      </p>
    </main>
  );
}
