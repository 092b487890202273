import type { ClinicContact, SentencePart } from "@/lib/clinics/clinic-contact";
import { mailtoHref, telHref } from "@/lib/clinics/clinic-contact";

// The clinic's phone and email on the patient's page: real tel: and mailto: links, large enough
// to tap on a phone.

export function SentenceWithLinks({ parts }: { parts: SentencePart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        typeof p === "string" ? (
          p
        ) : (
          <a key={i} href={p.href} className={`font-semibold underline underline-offset-2 ${p.kind === "tel" ? "whitespace-nowrap" : "[overflow-wrap:anywhere]"}`}>
            {p.text}
          </a>
        ),
      )}
    </>
  );
}

export function ClinicContactBlock({ contact, headingLevel = 2 }: { contact: ClinicContact; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="clinic-contact" className="space-y-2 rounded-lg border-2 border-slate-900 p-4" data-testid="clinic-contact">
      <H id="clinic-contact" className="text-xl font-bold">
        Contact your clinic
      </H>
      {contact.clinicName ? <p className="font-semibold">{contact.clinicName}</p> : null}
      <dl className="space-y-2">
        {contact.phone ? (
          <div>
            <dt className="text-sm text-slate-700">Phone</dt>
            <dd>
              <a href={telHref(contact.phone)} className="inline-block whitespace-nowrap py-1 font-semibold text-brand-800 underline underline-offset-2">
                {contact.phone}
              </a>
            </dd>
          </div>
        ) : null}
        {contact.email ? (
          <div>
            <dt className="text-sm text-slate-700">Email</dt>
            <dd>
              <a href={mailtoHref(contact.email)} className="inline-block py-1 font-semibold text-brand-800 underline underline-offset-2 [overflow-wrap:anywhere]">
                {contact.email}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
