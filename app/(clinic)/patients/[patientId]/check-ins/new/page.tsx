import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { PaperEntryForm } from "@/components/checkins/paper-entry-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/require-user";
import { dayWords } from "@/lib/checkins/day-words";
import { listPaperCheckIns } from "@/lib/checkins/record-clinician-check-in";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { fullName } from "@/lib/patients/format";
import { unitOf } from "@/lib/plans/units";
import { currentPublishedPlan } from "@/lib/reviews/current-plan";
import { clinicToday, timeZoneOf } from "@/lib/time/clock";
import { clockForRequest } from "@/lib/time/request-clock";
import { ACTIVITY_WORDS, MORNING_WORDS } from "@/lib/validation/checkin";
import { loadPatientOr404 } from "../../load-patient";
import { recordPaperCheckInAction } from "./actions";

export const metadata: Metadata = { title: "Enter a paper log" };

export default async function PaperLogPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireRole("clinician", "admin");
  const { patientId } = await params;
  const savedParam = (await searchParams).saved;
  const saved = savedParam && /^\d{4}-\d{2}-\d{2}$/.test(savedParam) ? savedParam : undefined;
  const p = await loadPatientOr404(actor, patientId);
  const db = await getDb();
  const settings = await getClinicSettings(db, actor.clinicId);
  const today = clinicToday(clockForRequest(await headers()), timeZoneOf(settings.timeZone));
  const plan = await currentPublishedPlan(db, actor.clinicId, p.id);
  const rows = await listPaperCheckIns(db, actor, p.id);
  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href={`/patients/${p.id}`} className="text-brand-700 underline">
          ← {fullName(p)}
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Enter a paper log · {fullName(p)}</h1>
        <p className="text-sm text-slate-700">
          One row per session, as written on the printed log. Rows are marked as entered by the clinic and go through the same review as the
          patient&apos;s own check-ins.
        </p>
      </header>
      {saved ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          Saved the session of {dayWords(saved, today)}. Enter the next row below.
        </p>
      ) : null}
      {plan && p.status === "active" ? (
        <Card>
          <CardBody>
            {/* A fresh key per render: a double submit of this form stores one row. */}
            <PaperEntryForm key={saved ?? "first"} action={recordPaperCheckInAction} patientId={p.id} idempotencyKey={randomUUID()} today={today} units={unitOf(settings.units)} />
          </CardBody>
        </Card>
      ) : (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {p.status !== "active" ? "This patient is discharged, so check-ins are closed." : "Publish a plan first: paper logs are entered against the published plan."}
        </p>
      )}
      <Card>
        <CardHeader>
          <h2 className="font-semibold">Entered from paper</h2>
        </CardHeader>
        <CardBody>
          {rows.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing entered from paper yet.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Rows entered from paper, newest first</caption>
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3">Date</th>
                  <th scope="col" className="py-1 pr-3">Session</th>
                  <th scope="col" className="py-1 pr-3">Pain during</th>
                  <th scope="col" className="py-1 pr-3">Next morning</th>
                  <th scope="col" className="py-1">Entered by</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ row, by }) => (
                  <tr key={row.id} className="border-t border-slate-100">
                    <td className="py-1 pr-3">{row.sessionDate}</td>
                    <td className="py-1 pr-3">{ACTIVITY_WORDS[row.activity as keyof typeof ACTIVITY_WORDS] ?? row.activity}</td>
                    <td className="py-1 pr-3">{row.painDuringNrs !== null ? `${row.painDuringNrs}/10` : "—"}</td>
                    <td className="py-1 pr-3">
                      {row.morningComparedWithBefore ? `${MORNING_WORDS[row.morningComparedWithBefore as keyof typeof MORNING_WORDS]}${row.morningPainNrs !== null ? `, ${row.morningPainNrs}/10` : ""}` : "—"}
                    </td>
                    <td className="py-1">{by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
