import { contactSentenceParts, partsText, type ClinicContact, type SentencePart } from "@/lib/clinics/clinic-contact";

// What a discharged patient reads at the top of their link and their PDF, and what a check-in
// posted after discharge answers with (ADR 0018). One text for all three.

export type FinishedNotice = {
  title: string;
  /** Before the contact sentence. */
  paragraphs: string[];
  /** Whom to contact, in parts so the page can link the phone and the email. */
  contact: SentencePart[];
  /** Urgent symptoms still come first: the plan's own "seek care" list stays on the page and the PDF. */
  urgent: string;
};

export function finishedNotice(c: ClinicContact): FinishedNotice {
  const clinic = c.clinicName || "Your clinic";
  return {
    title: "Your clinic has finished your program",
    paragraphs: [
      `${clinic} has finished working with you on this plan, so check-ins are closed: sessions and morning answers are no longer saved here.`,
      "Your home program stays online at your link and in the PDF, and you can keep following it.",
    ],
    contact: contactSentenceParts("If you have questions, or your symptoms come back, contact", c),
    urgent: "If you notice any of the warning signs under “When to stop and seek care”, act on them straight away: do not wait to hear from your clinic.",
  };
}

/** The notice as plain paragraphs (the PDF). */
export const finishedNoticeParagraphs = (n: FinishedNotice) => [...n.paragraphs, partsText(n.contact), n.urgent];

/** The notice as one message (a check-in posted after discharge). */
export const finishedNoticeText = (n: FinishedNotice) => `${n.title}. ${finishedNoticeParagraphs(n).join(" ")}`;
