"use server";
import { revalidatePath } from "next/cache";
import { updateClinicSettings } from "@/lib/admin/update-clinic-settings";
import { updateReminderSettings } from "@/lib/admin/update-reminder-settings";
import { authedAction } from "@/lib/auth/authed-action";
import { clinicSettingsSchema } from "@/lib/validation/admin";
import { reminderSettingsSchema } from "@/lib/validation/reminders";

export const saveSettingsAction = authedAction(clinicSettingsSchema, { roles: ["admin"] }, async (input, { actor, db }) => {
  const saved = await updateClinicSettings(db, actor, input);
  revalidatePath("/admin/settings");
  return { ok: true, message: "Settings saved.", values: { version: String(saved.version) } };
});

export const saveReminderSettingsAction = authedAction(reminderSettingsSchema, { roles: ["admin"] }, async (input, { actor, db }) => {
  const saved = await updateReminderSettings(db, actor, input);
  revalidatePath("/admin/settings");
  return { ok: true, message: "Reminder settings saved.", values: { version: String(saved.version) } };
});
