import "server-only";
import type { DbOrTx } from "@/db/client";
import type { RtmEpisode, RtmTimeEntry } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { rtmWorksheet, type RtmWorksheet, type RtmWorksheetInput } from "@/lib/rtm";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import { rtmDataDays } from "./data-days";
import { listRtmEpisodes, patientInClinic } from "./episodes";
import { effectiveTimeEntries, listRtmTimeEntries } from "./time-log";

export type PatientRtm = {
  today: string;
  episodes: Array<{ episode: RtmEpisode; input: RtmWorksheetInput; worksheet: RtmWorksheet; entries: RtmTimeEntry[] }>;
  allEntries: RtmTimeEntry[];
};

/** The contract input for one episode from stored records: the same function the CLI and API run. */
export function worksheetInputFor(episode: RtmEpisode, today: string, dataDays: string[], entries: readonly RtmTimeEntry[]): RtmWorksheetInput {
  return {
    contractVersion: 1,
    today: today < episode.startedOn ? episode.startedOn : today,
    episode: {
      startedOn: episode.startedOn,
      ...(episode.endedOn ? { endedOn: episode.endedOn } : {}),
      ...(episode.setupEducationOn ? { setupEducationOn: episode.setupEducationOn } : {}),
    },
    dataDays,
    timeLog: effectiveTimeEntries(entries)
      .filter((e) => e.episodeId === episode.id)
      .map((e) => ({ date: e.entryDate, minutes: e.minutes, interactive: e.interactive, by: e.performedBy as "pt" | "pta" })),
  };
}

/** A patient's episodes with their worksheets; the read is audited. Another clinic's patient is a 404. */
export async function getPatientRtm(db: DbOrTx, actor: Actor, patientId: string, clock: Clock = systemClock): Promise<PatientRtm> {
  const patient = await patientInClinic(db, actor.clinicId, patientId);
  const settings = await getClinicSettings(db, actor.clinicId);
  const timeZone = timeZoneOf(settings.timeZone);
  const today = clinicToday(clock, timeZone);
  const [episodes, entries, dataDays] = await Promise.all([
    listRtmEpisodes(db, actor.clinicId, patient.id),
    listRtmTimeEntries(db, actor.clinicId, patient.id),
    rtmDataDays(db, actor.clinicId, patient.id, { timeZone, countPaperLogs: settings.rtmCountPaperLogs === true }),
  ]);
  await recordAuditEvent(db, { ...actorAudit(actor), action: "rtm.worksheet_view", entityType: "patient", entityId: patient.id, patientId: patient.id, detail: { episodes: episodes.length } });
  return {
    today,
    allEntries: entries,
    episodes: episodes.map((episode) => {
      const input = worksheetInputFor(episode, today, dataDays, entries);
      return { episode, input, worksheet: rtmWorksheet(input), entries: entries.filter((e) => e.episodeId === episode.id) };
    }),
  };
}
