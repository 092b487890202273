import type { Metadata } from "next";
import { PatientForm } from "@/components/patients/patient-form";
import { requireRole } from "@/lib/auth/require-user";
import { updatePatientAction } from "../../actions";
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
  return (
    <div className="mx-auto max-w-3xl">
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
    </div>
  );
}
