import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, type ClinicSettings } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { defaultEngineSettings, engineSettingsSchema } from "@/lib/clinical";
import { AppError } from "@/lib/errors";
import { DEFAULT_TIME_ZONE } from "@/lib/time/clock";
import { canonicalTimeZone } from "@/lib/time/time-zones";
import { engineFieldDefault, engineFields, engineSettingsFromForm, type ClinicSettingsValues } from "@/lib/validation/admin";

/** The settings form's values, from what is stored plus the defaults. */
export function settingsFormValues(s: ClinicSettings): Record<string, string> {
  const engine = engineSettingsSchema.safeParse(s.engine ?? {});
  const e = { ...defaultEngineSettings, ...(engine.success ? engine.data : {}) };
  return {
    units: s.units ?? "km",
    paperSize: s.paperSize ?? "A4",
    idleTimeoutMinutes: String(s.idleTimeoutMinutes ?? 15),
    contactPhone: s.contactPhone ?? "",
    contactEmail: s.contactEmail ?? "",
    timeZone: canonicalTimeZone(s.timeZone) ?? DEFAULT_TIME_ZONE,
    rtmCountPaperLogs: s.rtmCountPaperLogs ? "on" : "off",
    ...Object.fromEntries(engineFields.map((f) => [f.name, String(engineFieldDefault(f, e))])),
    version: String(s.version ?? 0),
  };
}

/**
 * Saves the clinic's settings. The stored version must match the one the form was opened with
 * (compare-and-set on the JSON), so two admins cannot silently overwrite each other.
 */
export async function updateClinicSettings(db: Db, actor: Actor, v: ClinicSettingsValues) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ settings: clinics.settings }).from(clinics).where(eq(clinics.id, actor.clinicId)).for("update");
    if (!row) throw new AppError("not_found", "clinic", "Clinic not found");
    const current = row.settings.version ?? 0;
    if (v.version !== undefined && v.version !== current) {
      throw new AppError("conflict", "clinic_settings", "Another admin changed these settings since you opened them. Reload and apply your changes again.");
    }
    // Only what differs from the engine's cited defaults is stored, so a later default change
    // reaches clinics that never chose their own value.
    // Engine keys the form does not show (capacityTargetOverrides, …) stay as they were stored.
    const engine = { ...(row.settings.engine ?? {}), ...engineSettingsFromForm(v) };
    const changedEngine = Object.fromEntries(
      Object.entries(engine).filter(([k, val]) => JSON.stringify(val) !== JSON.stringify(defaultEngineSettings[k as keyof typeof defaultEngineSettings])),
    );
    const checked = engineSettingsSchema.parse(changedEngine);
    // An emptied contact field removes the key rather than storing "".
    const { contactPhone: _phone, contactEmail: _email, ...kept } = row.settings;
    const next: ClinicSettings = {
      ...kept,
      ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
      ...(v.contactEmail ? { contactEmail: v.contactEmail } : {}),
      ...(v.timeZone ? { timeZone: v.timeZone } : {}),
      ...(v.rtmCountPaperLogs ? { rtmCountPaperLogs: v.rtmCountPaperLogs === "on" } : {}),
      units: v.units,
      paperSize: v.paperSize,
      idleTimeoutMinutes: v.idleTimeoutMinutes,
      engine: checked,
      version: current + 1,
    };
    await tx.update(clinics).set({ settings: next }).where(and(eq(clinics.id, actor.clinicId), sql`coalesce((${clinics.settings}->>'version')::int, 0) = ${current}`));
    // A new zone moves every patient's "today" (check-in dates, overdue reassessments): say which.
    const zoneChanged = next.timeZone !== row.settings.timeZone;
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "clinic.settings_update",
      entityType: "clinic",
      entityId: actor.clinicId,
      detail: { version: next.version, ...(next.rtmCountPaperLogs !== row.settings.rtmCountPaperLogs ? { rtmCountPaperLogs: next.rtmCountPaperLogs ?? false } : {}), ...(zoneChanged ? { timeZone: { from: row.settings.timeZone ?? null, to: next.timeZone ?? null } } : {}) },
    });
    return next;
  });
}
