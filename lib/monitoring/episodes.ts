import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { patients, rtmEpisodes, type RtmEpisode } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/plans/internal";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import type { EndRtmEpisodeForm, RecordRtmSetupForm, StartRtmEpisodeForm } from "@/lib/validation/rtm";

const patientNotFound = () => new AppError("not_found", "patient", "Patient not found");
const episodeNotFound = () => new AppError("not_found", "rtm_episode", "Monitoring episode not found");
const stale = () => new AppError("conflict", "rtm_episode", "Someone else changed this episode. Reload to see their change.");

async function todayFor(db: DbOrTx, clinicId: string, clock: Clock) {
  return clinicToday(clock, timeZoneOf((await getClinicSettings(db, clinicId)).timeZone));
}

/** The caller's clinic's patient, or a 404 (another clinic's patient is not found). */
export async function patientInClinic(db: DbOrTx, clinicId: string, patientId: string) {
  if (!isUuid(patientId)) throw patientNotFound();
  const [p] = await db.select({ id: patients.id, status: patients.status }).from(patients).where(and(eq(patients.clinicId, clinicId), eq(patients.id, patientId))).limit(1);
  if (!p) throw patientNotFound();
  return p;
}

async function episodeInClinic(db: DbOrTx, clinicId: string, episodeId: string): Promise<RtmEpisode> {
  if (!isUuid(episodeId)) throw episodeNotFound();
  const [e] = await db.select().from(rtmEpisodes).where(and(eq(rtmEpisodes.clinicId, clinicId), eq(rtmEpisodes.id, episodeId))).limit(1);
  if (!e) throw episodeNotFound();
  return e;
}

/** The patient's episodes, newest first (no audit: callers audit the read they show). */
export async function listRtmEpisodes(db: DbOrTx, clinicId: string, patientId: string): Promise<RtmEpisode[]> {
  return db.select().from(rtmEpisodes).where(and(eq(rtmEpisodes.clinicId, clinicId), eq(rtmEpisodes.patientId, patientId))).orderBy(desc(rtmEpisodes.startedOn), desc(rtmEpisodes.createdAt));
}

export async function openRtmEpisode(db: DbOrTx, clinicId: string, patientId: string): Promise<RtmEpisode | null> {
  const [e] = await db.select().from(rtmEpisodes).where(and(eq(rtmEpisodes.clinicId, clinicId), eq(rtmEpisodes.patientId, patientId), isNull(rtmEpisodes.endedOn))).limit(1);
  return e ?? null;
}

/** Which of these patients (of the caller's clinic) have an open episode: the review queue's quick minutes form. */
export async function patientsWithOpenRtmEpisode(db: DbOrTx, clinicId: string, patientIds: readonly string[]): Promise<Set<string>> {
  const ids = patientIds.filter(isUuid);
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ patientId: rtmEpisodes.patientId })
    .from(rtmEpisodes)
    .where(and(eq(rtmEpisodes.clinicId, clinicId), inArray(rtmEpisodes.patientId, ids), isNull(rtmEpisodes.endedOn)));
  return new Set(rows.map((r) => r.patientId));
}

/** Starts RTM for a patient with their consent recorded (who: the actor; when: now; how: the form). */
export async function startRtmEpisode(db: Db, actor: Actor, form: StartRtmEpisodeForm, clock: Clock = systemClock): Promise<RtmEpisode> {
  const patient = await patientInClinic(db, actor.clinicId, form.patientId);
  if (patient.status === "discharged") throw new AppError("invalid", "rtm_episode", "This patient is discharged. Set them active again to start monitoring.");
  const today = await todayFor(db, actor.clinicId, clock);
  if (form.startedOn > today) throw new AppError("invalid", "rtm_episode", "Some entries need attention.", { startedOn: ["Monitoring cannot start in the future."] });
  return db.transaction(async (tx) => {
    if (await openRtmEpisode(tx, actor.clinicId, patient.id)) {
      throw new AppError("conflict", "rtm_episode", "Monitoring is already running for this patient. End it before starting another.");
    }
    const [row] = await tx
      .insert(rtmEpisodes)
      .values({ clinicId: actor.clinicId, patientId: patient.id, startedBy: actor.userId, consentMethod: form.consentMethod, consentAt: clock.now(), startedOn: form.startedOn })
      .returning();
    await recordAuditEvent(tx, { ...actorAudit(actor), action: "rtm.episode_start", entityType: "rtm_episode", entityId: row!.id, patientId: patient.id, detail: { consentMethod: form.consentMethod, startedOn: form.startedOn } });
    return row!;
  });
}

/** Ends the episode on its last monitored day. Once; the version the screen showed must match. */
export async function endRtmEpisode(db: Db, actor: Actor, form: EndRtmEpisodeForm, clock: Clock = systemClock): Promise<RtmEpisode> {
  const today = await todayFor(db, actor.clinicId, clock);
  return db.transaction(async (tx) => {
    const e = await episodeInClinic(tx, actor.clinicId, form.episodeId);
    if (e.endedOn) throw new AppError("conflict", "rtm_episode", "This episode has already ended.");
    const fieldErrors: Record<string, string[]> = {};
    if (form.endedOn < e.startedOn) fieldErrors.endedOn = ["The last monitored day cannot be before monitoring started."];
    if (form.endedOn > today) fieldErrors.endedOn = ["The last monitored day cannot be in the future."];
    if (Object.keys(fieldErrors).length) throw new AppError("invalid", "rtm_episode", "Some entries need attention.", fieldErrors);
    const [row] = await tx
      .update(rtmEpisodes)
      .set({ endedOn: form.endedOn, endedBy: actor.userId, version: e.version + 1 })
      .where(and(eq(rtmEpisodes.clinicId, actor.clinicId), eq(rtmEpisodes.id, e.id), eq(rtmEpisodes.version, form.version), isNull(rtmEpisodes.endedOn)))
      .returning();
    if (!row) throw stale();
    await recordAuditEvent(tx, { ...actorAudit(actor), action: "rtm.episode_end", entityType: "rtm_episode", entityId: e.id, patientId: e.patientId, detail: { endedOn: form.endedOn } });
    return row;
  });
}

/** Records set-up and education, once per episode. */
export async function recordRtmSetup(db: Db, actor: Actor, form: RecordRtmSetupForm, clock: Clock = systemClock): Promise<RtmEpisode> {
  const today = await todayFor(db, actor.clinicId, clock);
  return db.transaction(async (tx) => {
    const e = await episodeInClinic(tx, actor.clinicId, form.episodeId);
    if (e.setupEducationOn) throw new AppError("conflict", "rtm_episode", "Set-up and education is already recorded for this episode.");
    if (form.setupEducationOn > today) throw new AppError("invalid", "rtm_episode", "Some entries need attention.", { setupEducationOn: ["Set-up cannot be recorded for a future day."] });
    const [row] = await tx
      .update(rtmEpisodes)
      .set({ setupEducationOn: form.setupEducationOn, setupRecordedBy: actor.userId, version: e.version + 1 })
      .where(and(eq(rtmEpisodes.clinicId, actor.clinicId), eq(rtmEpisodes.id, e.id), eq(rtmEpisodes.version, form.version), isNull(rtmEpisodes.setupEducationOn)))
      .returning();
    if (!row) throw stale();
    await recordAuditEvent(tx, { ...actorAudit(actor), action: "rtm.setup_record", entityType: "rtm_episode", entityId: e.id, patientId: e.patientId, detail: { setupEducationOn: form.setupEducationOn } });
    return row;
  });
}
