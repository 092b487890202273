import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/require-user";
import { getPatientRtm } from "@/lib/monitoring/patient-worksheet";
import { fullName } from "@/lib/patients/format";
import { CODE_TABLE_CY2026 } from "@/lib/rtm";
import { clockForRequest } from "@/lib/time/request-clock";
import { loadPatientOr404 } from "../load-patient";

export const metadata: Metadata = { title: "Remote monitoring worksheet" };

const CONSENT_WORDS = { verbal: "verbal", written: "written", electronic: "electronic" } as const;

/**
 * The patient's RTM worksheet: for each episode, what `rtmWorksheet` (lib/rtm) returns for the
 * stored records, so this screen, the command line and the API cannot disagree. Read-only; the
 * read is audited (rtm.worksheet_view).
 */
export default async function RtmWorksheetPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requireRole("clinician", "admin");
  const { patientId } = await params;
  const p = await loadPatientOr404(actor, patientId);
  const rtm = await getPatientRtm(await getDb(), actor, p.id, clockForRequest(await headers()));
  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href={`/patients/${p.id}`} className="text-brand-700 underline">
          ← {fullName(p)}
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Remote monitoring worksheet · {fullName(p)}</h1>
        <p className="text-sm text-slate-700">
          What the records support under code table {CODE_TABLE_CY2026.version} ({CODE_TABLE_CY2026.sources.supplyAndManagement}). This page documents; it
          never bills or submits a claim.
        </p>
      </header>
      {rtm.episodes.length === 0 ? <p className="text-sm text-slate-700">Remote monitoring has not been started for this patient.</p> : null}
      {rtm.episodes.map(({ episode, worksheet }) => (
        <Card key={episode.id}>
          <CardHeader>
            <h2 className="font-semibold">
              Episode from {episode.startedOn}
              {episode.endedOn ? ` to ${episode.endedOn}` : " (monitoring)"}
            </h2>
            <p className="text-sm text-slate-700">
              Consent: {CONSENT_WORDS[episode.consentMethod as keyof typeof CONSENT_WORDS] ?? episode.consentMethod}, recorded {episode.consentAt.toISOString().slice(0, 10)}.
              {episode.setupEducationOn ? ` Set-up and education on ${episode.setupEducationOn}.` : " Set-up and education not recorded yet."}
              {worksheet.setup ? ` Supports ${worksheet.setup.code} on ${worksheet.setup.supportedOn}.` : ""}
            </p>
          </CardHeader>
          <CardBody className="space-y-4">
            <table className="w-full text-left text-sm">
              <caption className="mb-1 text-left font-medium">30-day windows: days with data</caption>
              <thead>
                <tr>
                  <th scope="col">Window</th>
                  <th scope="col">Data days</th>
                  <th scope="col">Supply code</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {worksheet.windows.map((w) => (
                  <tr key={w.start}>
                    <td>
                      {w.start} to {w.end}
                    </td>
                    <td>{w.dataDays}</td>
                    <td>{w.supplyCode ?? "none yet"}</td>
                    <td>{w.complete ? "complete" : w.canStillReach16 ? "in progress, can still reach 16 days" : "in progress, can no longer reach 16 days"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="w-full text-left text-sm">
              <caption className="mb-1 text-left font-medium">Calendar months: clinician time</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Minutes</th>
                  <th scope="col">Live call or video</th>
                  <th scope="col">Management codes</th>
                </tr>
              </thead>
              <tbody>
                {worksheet.months.map((m) => (
                  <tr key={m.month}>
                    <td>{m.month}</td>
                    <td>{m.minutes}</td>
                    <td>{m.interactive ? "yes" : "no"}</td>
                    <td>{m.codes.length ? `${m.codes.map((c) => `${c.code} ×${c.units}`).join(", ")} (${m.modifiers.join(", ")})` : "none"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {worksheet.warnings.length ? (
              <ul className="list-disc pl-5 text-sm text-amber-900">
                {worksheet.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
