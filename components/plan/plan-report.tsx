import type { ReportModel, ReportPainRule } from "@/lib/pdf/report-model";
import { EnlargeableExerciseFigure, type WebPhoto } from "@/components/exercise-art/exercise-figure";
import { ClinicContactBlock } from "./clinic-contact";

// The report model as a web page, phone first: the same words as the PDF, nothing more. Used by
// the patient's link and by the bench's Chromium print comparison.

const painTone: Record<ReportPainRule["level"], string> = {
  green: "border-emerald-600 bg-emerald-50 text-emerald-900",
  amber: "border-amber-500 bg-amber-50 text-amber-900",
  red: "border-red-700 bg-red-50 text-red-900",
};

/** A clinic's own photo for an exercise (replacing its drawing) and its optional video link. */
export type ReportPhoto = WebPhoto & { videoUrl: string | null };

export function PlanReport({ model, pdfHref, photos }: { model: ReportModel; pdfHref?: string; photos?: ReadonlyMap<string, ReportPhoto> }) {
  return (
    <article className="mx-auto max-w-2xl space-y-6 px-4 py-6 text-[17px] leading-relaxed text-slate-900">
      <header className="space-y-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{model.clinicName}</p>
        <h1 className="text-2xl font-bold">{model.title}</h1>
        <p className="text-sm text-slate-700">
          For {model.patientName} · from {model.clinicianName} · {model.dateText}
        </p>
      </header>

      {pdfHref ? (
        <a href={pdfHref} download className="block rounded-lg bg-slate-900 px-4 py-3 text-center font-semibold text-white" data-testid="download-pdf">
          Download the plan as a PDF
        </a>
      ) : null}

      <section className="rounded-lg border-2 border-slate-900 p-4" aria-labelledby="verdict">
        <p className="text-xs font-semibold uppercase text-slate-600">Where you are</p>
        <h2 id="verdict" className="text-xl font-bold">
          {model.verdict.label}
        </h2>
        <p>{model.verdict.summary}</p>
      </section>

      <section aria-labelledby="this-week" className="space-y-2">
        <h2 id="this-week" className="text-xl font-bold">
          What to do this week
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {model.thisWeek.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="pain" className="space-y-2">
        <h2 id="pain" className="text-xl font-bold">
          Pain traffic light
        </h2>
        <ul className="space-y-2">
          {model.painRules.map((p) => (
            <li key={p.level} className={`rounded-lg border-l-8 p-3 ${painTone[p.level]}`}>
              <p className="font-bold">{p.label}</p>
              <p>{p.when}</p>
              <p className="font-semibold">{p.then}</p>
            </li>
          ))}
        </ul>
        <p className="rounded-lg border border-slate-300 p-3">{model.rule24h}</p>
      </section>

      <section aria-labelledby="stages" className="space-y-4">
        <h2 id="stages" className="text-xl font-bold">
          Your stages
        </h2>
        {model.stages.map((s) => (
          <details key={s.number} open={s.number === 1} className="rounded-lg border border-slate-300 p-3">
            <summary className="cursor-pointer text-lg font-bold">{s.heading}</summary>
            {s.paused ? (
              <p className="mt-2 rounded-md border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-950" data-testid="paused-stage">
                {s.paused}
              </p>
            ) : null}
            {s.facts.length ? (
              <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1">
                {s.facts.map((f) => (
                  <div key={f.label} className="contents">
                    <dt className="font-semibold">{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {s.swaps.length ? (
              <>
                <h3 className="mt-3 font-semibold">Swap in instead of some sessions</h3>
                <ul className="list-disc pl-5">
                  {s.swaps.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {s.strength.length ? (
              <>
                <h3 className="mt-3 font-semibold">Strength work, twice a week</h3>
                <ol className="space-y-2">
                  {s.strength.map((x, i) => (
                    <li key={i} className="rounded-md bg-slate-50 p-2">
                      <p className="font-semibold">{x.exercise}</p>
                      <p>
                        {x.sets} sets × {x.reps}
                      </p>
                      {x.howTo ? <p className="text-sm text-slate-700">{x.howTo}</p> : null}
                      {x.note ? <p className="text-sm text-slate-700">{x.note}</p> : null}
                      <EnlargeableExerciseFigure exercise={x.exercise} photo={photos?.get(x.exercise)} />
                      {photos?.get(x.exercise)?.videoUrl ? (
                        <p className="mt-1 text-sm">
                          <a className="font-medium text-brand-700 underline" href={photos.get(x.exercise)!.videoUrl!} target="_blank" rel="noopener noreferrer">
                            Watch a short video of {x.exercise.toLowerCase()}
                          </a>{" "}
                          <span className="text-slate-600">(opens another website)</span>
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            <h3 className="mt-3 font-semibold">{s.paused ? "Training starts again when" : "Move on when"}</h3>
            <ul className="list-disc pl-5">
              {s.moveOn.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
            <h3 className="mt-3 font-semibold">{s.paused ? "Get care sooner if" : "Step back when"}</h3>
            <ul className="list-disc pl-5">
              {s.stepBack.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
            {s.notes ? <p className="mt-3 rounded-md border border-slate-300 p-2">Note from your clinician: {s.notes}</p> : null}
          </details>
        ))}
      </section>

      <section aria-labelledby="deload" className="space-y-1">
        <h2 id="deload" className="text-xl font-bold">
          Lighter weeks
        </h2>
        <p>{model.deload}</p>
      </section>

      {model.advice.length ? (
        <section aria-labelledby="advice" className="space-y-1">
          <h2 id="advice" className="text-xl font-bold">
            Good to know
          </h2>
          <ul className="list-disc pl-5">
            {model.advice.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {model.notes ? (
        <section aria-labelledby="notes" className="space-y-1">
          <h2 id="notes" className="text-xl font-bold">
            Notes from your clinician
          </h2>
          <p>{model.notes}</p>
        </section>
      ) : null}

      <section aria-labelledby="seek-care" className="space-y-1 rounded-lg border-2 border-red-700 p-4">
        <h2 id="seek-care" className="text-xl font-bold">
          When to stop and seek care
        </h2>
        <ul className="list-disc pl-5">
          {model.seekCare.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </section>

      {model.contact ? <ClinicContactBlock contact={model.contact} /> : null}

      <footer className="border-t border-slate-300 pt-3 text-sm text-slate-600">{model.footer}</footer>
    </article>
  );
}
