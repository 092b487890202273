import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { CorrectEntryForms, EndEpisodeForm, LogMinutesForm, SetupForm, StartEpisodeForm } from "@/components/monitoring/rtm-forms";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/require-user";
import { getPatientRtm } from "@/lib/monitoring/patient-worksheet";
import { effectiveTimeEntries } from "@/lib/monitoring/time-log";
import { fullName } from "@/lib/patients/format";
import { CODE_TABLE_CY2026 } from "@/lib/rtm";
import { clockForRequest } from "@/lib/time/request-clock";
import { loadPatientOr404 } from "../load-patient";
import { correctRtmTimeAction, endRtmEpisodeAction, logRtmTimeAction, recordRtmSetupAction, startRtmEpisodeAction, voidRtmTimeAction } from "./actions";

export const metadata: Metadata = { title: "Remote monitoring worksheet" };

const CONSENT_WORDS = { verbal: "verbal", written: "written", electronic: "electronic" } as const;
const SAVED_WORDS: Record<string, string> = {
  started: "Monitoring started. Consent is recorded as taken by you.",
  setup: "Set-up and education recorded.",
  ended: "Monitoring ended.",
  logged: "Minutes logged.",
  corrected: "Correction saved. The earlier entry no longer counts.",
  withdrawn: "Entry withdrawn. It no longer counts.",
};

/**
 * The patient's RTM worksheet: for each episode, what `rtmWorksheet` (lib/rtm) returns for the
 * stored records, so this screen, the command line and the API cannot disagree. The read is
 * audited (rtm.worksheet_view); the forms post the actions beside this page.
 */
export default async function RtmWorksheetPage({ params, searchParams }: { params: Promise<{ patientId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireRole("clinician", "admin");
  const { patientId } = await params;
  const saved = SAVED_WORDS[(await searchParams).saved ?? ""];
  const p = await loadPatientOr404(actor, patientId);
  const rtm = await getPatientRtm(await getDb(), actor, p.id, clockForRequest(await headers()));
  const open = rtm.episodes.find(({ episode }) => !episode.endedOn)?.episode;
  const counting = new Set(effectiveTimeEntries(rtm.allEntries).map((e) => e.id));
  const correctedIds = new Set(rtm.allEntries.map((e) => e.correctsId).filter(Boolean));
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
      {saved ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
          {saved}
        </p>
      ) : null}
      {rtm.episodes.length === 0 ? <p className="text-sm text-slate-700">Remote monitoring has not been started for this patient.</p> : null}
      {open ? (
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Log minutes</h2>
            <p className="text-sm text-slate-700">Time spent on this patient&apos;s remote data in the episode running since {open.startedOn}.</p>
          </CardHeader>
          <CardBody>
            <LogMinutesForm action={logRtmTimeAction} patientId={p.id} today={rtm.today} />
          </CardBody>
        </Card>
      ) : p.status === "active" ? (
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Start remote monitoring</h2>
          </CardHeader>
          <CardBody>
            <StartEpisodeForm action={startRtmEpisodeAction} patientId={p.id} today={rtm.today} />
          </CardBody>
        </Card>
      ) : (
        <p className="text-sm text-slate-700">This patient is discharged, so monitoring cannot be started.</p>
      )}
      {rtm.episodes.map(({ episode, worksheet, entries }) => (
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
            {entries.length ? (
              <table className="w-full text-left text-sm">
                <caption className="mb-1 text-left font-medium">Time log</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Minutes</th>
                    <th scope="col">Live call or video</th>
                    <th scope="col">By</th>
                    <th scope="col">What was done</th>
                    <th scope="col">Counts</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.id} className="border-t border-slate-100 align-top">
                      <td>{e.entryDate}</td>
                      <td>{e.minutes}</td>
                      <td>{e.interactive ? "yes" : "no"}</td>
                      <td>{e.performedBy === "pta" ? "assistant" : "therapist"}</td>
                      <td>
                        {e.activity}
                        {counting.has(e.id) ? (
                          <details className="mt-1">
                            <summary className="cursor-pointer text-brand-700 underline">Correct or withdraw</summary>
                            <div className="mt-2">
                              <CorrectEntryForms correct={correctRtmTimeAction} withdraw={voidRtmTimeAction} patientId={p.id} entry={e} today={rtm.today} />
                            </div>
                          </details>
                        ) : null}
                      </td>
                      <td>{counting.has(e.id) ? "yes" : e.voided ? "no, withdrawn" : correctedIds.has(e.id) ? "no, corrected" : "no"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {!episode.endedOn ? (
              <div className="space-y-4 border-t border-slate-100 pt-4">
                {!episode.setupEducationOn ? <SetupForm action={recordRtmSetupAction} episodeId={episode.id} version={episode.version} today={rtm.today} /> : null}
                <EndEpisodeForm action={endRtmEpisodeAction} episodeId={episode.id} version={episode.version} today={rtm.today} />
              </div>
            ) : null}
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
