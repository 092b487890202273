import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/require-user";
import { clinicTimeZone } from "@/lib/clinics/clinic-time-zone";
import { listOutbox, OUTBOX_STATUSES, type OutboxStatus } from "@/lib/reminders/list-outbox";
import { formatClinicTime, formatDay } from "@/lib/time/clock";

export const metadata: Metadata = { title: "Reminders" };

const STATUS_LABEL: Record<OutboxStatus, string> = { queued: "Queued", sending: "Sending", sent: "Sent", failed: "Failed", cancelled: "Not sent" };
const KIND_LABEL: Record<string, string> = { next_morning: "Morning after a session", silence: "Days of silence" };

// The outbox's state for the clinic's admin (issue 19): what was queued, sent, retried and failed
// and why. Which reminder a patient got, never anything about their health.
export default async function RemindersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  const sp = await searchParams;
  const status = OUTBOX_STATUSES.find((s) => s === sp.status);
  const db = await getDb();
  const [{ rows, counts }, tz] = await Promise.all([listOutbox(db, actor, { status }), clinicTimeZone(db, actor.clinicId)]);
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Reminders</h1>
      <p className="text-sm text-slate-600">
        Reminder emails waiting, sent and failed, newest first. Failed sends are retried up to 5 times, 1, 2, 4 and 8 minutes apart. Turn
        reminders on and set quiet hours in <Link className="underline" href="/admin/settings">Settings</Link>.
      </p>
      <nav aria-label="Filter by state" className="flex flex-wrap gap-2 text-sm">
        <Link className={`rounded-md border px-3 py-1 ${status ? "border-slate-200" : "border-slate-900 font-semibold"}`} href="/admin/reminders">
          All
        </Link>
        {OUTBOX_STATUSES.map((s) => (
          <Link key={s} className={`rounded-md border px-3 py-1 ${status === s ? "border-slate-900 font-semibold" : "border-slate-200"}`} href={`/admin/reminders?status=${s}`}>
            {STATUS_LABEL[s]} ({counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">No reminders{status ? ` ${STATUS_LABEL[status].toLowerCase()}` : ""} yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th className="px-3 py-2">Patient</th>
                <th className="px-3 py-2">Reminder</th>
                <th className="px-3 py-2">Day</th>
                <th className="px-3 py-2">State</th>
                <th className="px-3 py-2">Attempts</th>
                <th className="px-3 py-2">Next attempt / sent</th>
                <th className="px-3 py-2">Reason</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <Link className="underline" href={`/patients/${r.patientId}`}>
                      {r.firstName} {r.lastName}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {KIND_LABEL[r.kind] ?? r.kind} ({r.channel === "sms" ? "SMS" : "email"})
                    {r.stoppedAt ? <div className="text-xs text-slate-600">Patient stopped reminders from this one</div> : null}
                  </td>
                  <td className="px-3 py-2">{formatDay(r.localDay)}</td>
                  <td className="px-3 py-2">{STATUS_LABEL[r.status as OutboxStatus] ?? r.status}</td>
                  <td className="px-3 py-2">{r.attempts}</td>
                  <td className="px-3 py-2">
                    {r.sentAt ? formatClinicTime(r.sentAt, tz) : r.status === "queued" || r.status === "sending" ? formatClinicTime(r.nextAttemptAt, tz) : "—"}
                  </td>
                  <td className="px-3 py-2 text-slate-700">{r.lastError ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
