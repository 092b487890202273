// How a patient reaches their clinic: the clinic's name and the optional phone and email an admin
// sets in the clinic settings. Pure (no server-only): the report model, the patient's page and the
// check-in services all read it.

export type ClinicContact = { clinicName: string; phone: string | null; email: string | null };

const blank = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

export function clinicContactOf(settings: { clinicName: string; contactPhone?: string; contactEmail?: string }): ClinicContact {
  return { clinicName: settings.clinicName, phone: blank(settings.contactPhone), email: blank(settings.contactEmail) };
}

export const hasContactDetails = (c: ClinicContact) => c.phone !== null || c.email !== null;

/** A dialable tel: address: the leading + and the digits, nothing a phone would trip on. */
export function telHref(phone: string): string {
  return `tel:${phone.trim().startsWith("+") ? "+" : ""}${phone.replace(/\D/g, "")}`;
}

export const mailtoHref = (email: string) => `mailto:${email}`;

/** One sentence in parts, so the page can turn the phone and email into links and the PDF and a form message print the same words. */
export type SentencePart = string | { kind: "tel" | "mailto"; text: string; href: string };

export function contactSentenceParts(lead: string, c: ClinicContact): SentencePart[] {
  if (!hasContactDetails(c)) return [`${lead} your clinic.`];
  const parts: SentencePart[] = [`${lead} ${c.clinicName || "your clinic"}: `];
  if (c.phone) parts.push("call ", { kind: "tel", text: c.phone, href: telHref(c.phone) });
  if (c.phone && c.email) parts.push(" or ");
  if (c.email) parts.push("email ", { kind: "mailto", text: c.email, href: mailtoHref(c.email) });
  parts.push(".");
  return parts;
}

export const partsText = (parts: SentencePart[]) => parts.map((p) => (typeof p === "string" ? p : p.text)).join("");
