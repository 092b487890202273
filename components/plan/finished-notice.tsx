import type { FinishedNotice } from "@/lib/plans/finished-notice";
import { SentenceWithLinks } from "./clinic-contact";

/** The top of a discharged patient's page: the program has finished, the plan stays, whom to contact (ADR 0018). */
export function FinishedNoticeView({ notice }: { notice: FinishedNotice }) {
  return (
    <section aria-labelledby="finished-title" className="space-y-2 rounded-lg border-4 border-slate-900 bg-slate-50 p-4" data-testid="finished-notice">
      <h2 id="finished-title" className="text-xl font-bold">
        {notice.title}
      </h2>
      {notice.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>
        <SentenceWithLinks parts={notice.contact} />
      </p>
      <p className="font-semibold">
        {notice.urgent}{" "}
        <a href="#seek-care" className="underline underline-offset-2">
          Go to the warning signs
        </a>
      </p>
    </section>
  );
}
