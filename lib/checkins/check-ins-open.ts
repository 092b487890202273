import type { ClinicContact } from "@/lib/clinics/clinic-contact";
import { finishedNotice, type FinishedNotice } from "@/lib/plans/finished-notice";

export type PatientStatus = "active" | "discharged";

export type CheckInGate = { open: true } | { open: false; notice: FinishedNotice };

/**
 * Whether a patient's link still takes check-ins. It does while the patient is active; once the
 * clinic discharges them the link keeps the plan but takes nothing new, and says why and whom to
 * contact (ADR 0018). The page (whether to show the forms) and the check-in services (whether to
 * store a POST) both ask here, so they cannot disagree.
 */
export function checkInsOpen(status: PatientStatus, contact: ClinicContact): CheckInGate {
  return status === "active" ? { open: true } : { open: false, notice: finishedNotice(contact) };
}
