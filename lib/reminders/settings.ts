import type { ClinicSettings } from "@/db/schema";
import { DEFAULT_REMINDER_SETTINGS, isClockTime, type ReminderSettings } from "./due-reminder";

export type ReminderSender = { name: string; address: string | null };

/** The clinic's reminder settings with the documented defaults filled in (off until an admin turns them on). */
export function reminderSettingsOf(s: ClinicSettings): ReminderSettings & { senderName: string; senderEmail: string } {
  const r = s.reminders ?? {};
  const days = Number.isInteger(r.silenceDays) && r.silenceDays! >= 1 && r.silenceDays! <= 30 ? r.silenceDays! : DEFAULT_REMINDER_SETTINGS.silenceDays;
  return {
    enabled: r.enabled === true,
    silenceDays: days,
    quietStart: r.quietStart && isClockTime(r.quietStart) ? r.quietStart : DEFAULT_REMINDER_SETTINGS.quietStart,
    quietEnd: r.quietEnd && isClockTime(r.quietEnd) ? r.quietEnd : DEFAULT_REMINDER_SETTINGS.quietEnd,
    senderName: r.senderName ?? "",
    senderEmail: r.senderEmail ?? "",
  };
}
