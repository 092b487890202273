import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, type ClinicSettings } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { reminderSettingsOf } from "@/lib/reminders/settings";
import type { ReminderSettingsValues } from "@/lib/validation/reminders";

/** The reminder form's values, from what is stored plus the defaults. */
export function reminderFormValues(s: ClinicSettings): Record<string, string> {
  const r = reminderSettingsOf(s);
  return {
    enabled: r.enabled ? "on" : "off",
    silenceDays: String(r.silenceDays),
    quietStart: r.quietStart,
    quietEnd: r.quietEnd,
    senderName: r.senderName,
    senderEmail: r.senderEmail,
    version: String(s.version ?? 0),
  };
}

/** Saves the clinic's reminder settings; same version check as the other settings (ADR 0004). */
export async function updateReminderSettings(db: Db, actor: Actor, v: ReminderSettingsValues) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ settings: clinics.settings }).from(clinics).where(eq(clinics.id, actor.clinicId)).for("update");
    if (!row) throw new AppError("not_found", "clinic", "Clinic not found");
    const current = row.settings.version ?? 0;
    if (v.version !== undefined && v.version !== current) {
      throw new AppError("conflict", "clinic_settings", "Another admin changed these settings since you opened them. Reload and apply your changes again.");
    }
    const reminders: NonNullable<ClinicSettings["reminders"]> = {
      enabled: v.enabled === "on",
      silenceDays: v.silenceDays,
      quietStart: v.quietStart,
      quietEnd: v.quietEnd,
      ...(v.senderName ? { senderName: v.senderName } : {}),
      ...(v.senderEmail ? { senderEmail: v.senderEmail } : {}),
    };
    const next: ClinicSettings = { ...row.settings, reminders, version: current + 1 };
    await tx.update(clinics).set({ settings: next }).where(and(eq(clinics.id, actor.clinicId), sql`coalesce((${clinics.settings}->>'version')::int, 0) = ${current}`));
    const before = row.settings.reminders ?? {};
    const changed = (Object.keys({ ...before, ...reminders }) as Array<keyof typeof reminders>).filter((k) => before[k] !== reminders[k]);
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "clinic.reminder_settings_update",
      entityType: "clinic",
      entityId: actor.clinicId,
      detail: { version: next.version, fields: changed, enabled: reminders.enabled },
    });
    return next;
  });
}
