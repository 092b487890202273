import type { PlanGateReason } from "@/lib/assessments/gate";
import { hasContactDetails, type ClinicContact } from "@/lib/clinics/clinic-contact";

// What the patient reads instead of their plan when the red-flag gate is closed (ADR 0013):
// plain words, nothing of the plan. One text for the page and the PDF.

export type WithheldNotice = {
  clinicName: string;
  title: string;
  paragraphs: string[];
  /** The clinic's phone and/or email, to act on "contact your clinic"; null when neither is set. */
  contact: ClinicContact | null;
};

export function withheldNotice(reason: PlanGateReason, c: ClinicContact): WithheldNotice {
  const clinicName = c.clinicName;
  const contact = hasContactDetails(c) ? c : null;
  const clinic = clinicName || "your clinic";
  if (reason === "urgent_referral") {
    return {
      clinicName,
      contact,
      title: "Please contact your clinic now",
      paragraphs: [
        `Your physiotherapist has updated your assessment and needs to speak with you today. Please contact ${clinic} now.`,
        "Do not follow your training plan. Stop training until you have spoken to them.",
        "If you feel very unwell, or your symptoms are quickly getting worse, call your local emergency number or go to an emergency department.",
      ],
    };
  }
  return {
    clinicName,
    contact,
    title: "Please contact your clinic before you train again",
    paragraphs: [
      `Your physiotherapist has updated your assessment and wants to talk with you before you carry on. Please contact ${clinic} as soon as you can.`,
      "Your training plan is paused. Please do not follow it until you have spoken to them.",
      "If you feel very unwell, or your symptoms are quickly getting worse, call your local emergency number or go to an emergency department.",
    ],
  };
}
