import type { Metadata } from "next";
import { PatientForm } from "@/components/patients/patient-form";
import { requireRole } from "@/lib/auth/require-user";
import { and, eq } from "drizzle-orm";
import { ReminderConsentForm } from "@/components/patients/reminder-consent-form";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { clinicTimeZone } from "@/lib/clinics/clinic-time-zone";
import { formatClinicTime } from "@/lib/time/clock";
import { setReminderConsentAction, updatePatientAction } from "../../actions";
import { loadPatientOr404 } from "../load-patient";

export const metadata: Metadata = { title: "Edit patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requireRole("clinician", "admin");
  const { patientId } = await params;
  const patient = await loadPatientOr404(actor, patientId, "edit");
  const initial = {
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    sport: patient.sport,
    level: patient.level ?? "",
    email: patient.email ?? "",
    phone: patient.phone ?? "",
    notes: patient.notes ?? "",
    status: patient.status,
  };
  const db = await getDb();
  const tz = await clinicTimeZone(db, actor.clinicId);
  const [by] = patient.remindersConsentBy
    ? await db.select({ name: users.name }).from(users).where(and(eq(users.clinicId, actor.clinicId), eq(users.id, patient.remindersConsentBy)))
    : [];
  const when = patient.remindersConsentAt ? formatClinicTime(patient.remindersConsentAt, tz) : null;
  const recorded = !when
    ? null
    : patient.remindersConsent
      ? `Agreed: recorded ${when} by ${by?.name ?? "a former user"}.`
      : by
        ? `Not agreed: recorded ${when} by ${by.name}.`
        : `Stopped by the patient from a reminder, ${when}.`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">
        Edit {patient.firstName} {patient.lastName}
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <PatientForm
          action={updatePatientAction}
          initial={initial}
          editing={{ patientId: patient.id, version: patient.version }}
          cancelHref={`/patients/${patient.id}`}
        />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ReminderConsentForm
          action={setReminderConsentAction}
          initial={{ patientId: patient.id, version: String(patient.version), consent: patient.remindersConsent ? "yes" : "no" }}
          recorded={recorded}
        />
      </div>
    </div>
  );
}
