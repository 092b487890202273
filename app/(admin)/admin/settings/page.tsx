import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { settingsFormValues } from "@/lib/admin/update-clinic-settings";
import { requireRole } from "@/lib/auth/require-user";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { timeZoneGroups } from "@/lib/time/time-zones";
import { reminderFormValues } from "@/lib/admin/update-reminder-settings";
import { saveReminderSettingsAction, saveSettingsAction } from "./actions";
import { ReminderSettingsForm } from "./reminder-settings-form";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function SettingsPage() {
  const actor = await requireRole("admin");
  const settings = await getClinicSettings(await getDb(), actor.clinicId);
  const initial = settingsFormValues(settings);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings for {settings.clinicName}</h1>
      <p className="text-sm text-slate-700">
        Your clinic&apos;s own exercise photos and video links are managed on{" "}
        <Link href="/exercise-photos" className="font-medium text-brand-700 underline underline-offset-2">
          Exercise photos
        </Link>
        .
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SettingsForm action={saveSettingsAction} initial={initial} timeZones={timeZoneGroups(new Date(), initial.timeZone)} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ReminderSettingsForm action={saveReminderSettingsAction} initial={reminderFormValues(settings)} />
      </div>
    </div>
  );
}
