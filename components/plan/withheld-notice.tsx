import type { WithheldNotice } from "@/lib/plans/withheld-notice";
import { ClinicContactBlock } from "./clinic-contact";

/** The patient's page when the red-flag gate is closed: the notice only, nothing of the plan. */
export function WithheldNoticeView({ notice, pdfHref }: { notice: WithheldNotice; pdfHref: string }) {
  return (
    <article className="mx-auto max-w-2xl space-y-4 px-4 py-8">
      {notice.clinicName ? <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{notice.clinicName}</p> : null}
      <section role="alert" aria-labelledby="withheld-title" className="space-y-3 rounded-lg border-4 border-red-700 bg-red-50 px-5 py-5 text-red-950">
        <h1 id="withheld-title" className="text-2xl font-semibold">
          {notice.title}
        </h1>
        {notice.paragraphs.map((p) => (
          <p key={p} className="text-base">
            {p}
          </p>
        ))}
      </section>
      {notice.contact ? <ClinicContactBlock contact={notice.contact} /> : null}
      <p className="text-sm">
        <a href={pdfHref} className="text-brand-700 underline">
          Download this message as a PDF
        </a>
      </p>
    </article>
  );
}
