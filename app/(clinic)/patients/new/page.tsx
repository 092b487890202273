import type { Metadata } from "next";
import { PatientForm } from "@/components/patients/patient-form";
import { requireRole } from "@/lib/auth/require-user";
import { createPatientAction } from "../actions";

export const metadata: Metadata = { title: "Add patient" };

export default async function NewPatientPage() {
  await requireRole("clinician", "admin");
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Add patient</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <PatientForm action={createPatientAction} initial={{}} cancelHref="/patients" />
      </div>
    </div>
  );
}
