import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { liveReminderLink } from "@/lib/reminders/reminder-link";
import { clockForRequest } from "@/lib/time/request-clock";
import { stopRemindersAction } from "./actions";
import { StopForm } from "./stop-form";

// The stop link: one click to confirm, by POST, because mail scanners open every GET in an email.
export const metadata: Metadata = { title: "Stop reminders", referrer: "same-origin" };

export default async function StopRemindersPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = await liveReminderLink(await getDb(), token, clockForRequest(await headers()).now());
  if (!live) notFound();
  return (
    <main className="mx-auto max-w-xl space-y-4 px-4 py-12">
      <h1 className="text-2xl font-semibold">Stop reminders from {live.clinicName || "your clinic"}?</h1>
      <StopForm token={token} clinicName={live.clinicName} action={stopRemindersAction} />
    </main>
  );
}
