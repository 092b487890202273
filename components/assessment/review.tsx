import Link from "next/link";
import { describeSource, ruleset, sourceFor, testLabel, type Evaluation, type Region } from "@/lib/clinical";
import type { Psfs } from "@/lib/assessments/build-input";
import { LEFS_CITATION, LEFS_MAX, LEFS_MIC, lefsChange, type Lefs } from "@/lib/assessments/lefs";
import { pathApplies, type FitContext } from "@/lib/assessments/question-fit";
import { PSFS_MIC } from "@/lib/validation/assessment";
import { categoryLabels, missingLabel, shortfallName, verdictWords } from "./labels";

const ruleById = new Map(ruleset.map((r) => [r.id, r]));

/** A reason's source, by the article that fits this complaint's region (issue 14). */
function sourceOf(ruleId: string, region: Region | "none" | undefined) {
  const rule = ruleById.get(ruleId);
  return rule ? describeSource(sourceFor(rule, region)) : undefined;
}

/**
 * The engine's unanswered paths, without questions the form did not ask this patient (they
 * cannot apply to the region or sport). The engine's `missing` itself is unchanged.
 */
export function shownMissing(evaluation: Evaluation, fit: FitContext): string[] {
  return evaluation.missing.filter((p) => pathApplies(p, fit));
}

export function VerdictBanner({ evaluation }: { evaluation: Evaluation }) {
  const v = verdictWords[evaluation.verdict];
  return (
    <section aria-labelledby="verdict-title" className={`rounded-lg border-2 px-5 py-4 ${v.tone}`}>
      <p className="text-xs font-medium uppercase tracking-wide">Verdict</p>
      <h2 id="verdict-title" className="text-2xl font-semibold">
        {v.title}
      </h2>
      <p className="text-sm">{v.detail}</p>
    </section>
  );
}

export function UrgentBanner({ evaluation }: { evaluation: Evaluation }) {
  const urgent = evaluation.reasons.filter((r) => r.verdict === "urgent_referral");
  return (
    <div role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 px-5 py-4 text-red-900">
      <h2 className="text-lg font-semibold">Urgent: do not start a training plan</h2>
      <p className="mt-1 text-sm">Act on this today:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {urgent.map((r) => (
          <li key={r.ruleId}>{r.summary}</li>
        ))}
      </ul>
      <p className="mt-2 text-sm">Plan creation is not available for this assessment. Document the referral in your notes.</p>
    </div>
  );
}

export function Reasons({ evaluation, region }: { evaluation: Evaluation; region: Region | "none" | undefined }) {
  return (
    <section aria-labelledby="reasons-title" className="space-y-3">
      <h2 id="reasons-title" className="text-lg font-semibold">
        Reasons
      </h2>
      {evaluation.reasons.length === 0 ? <p className="text-sm text-slate-600">No rule asked for caution.</p> : null}
      <ul className="space-y-2">
        {evaluation.reasons.map((r) => (
          <li key={r.ruleId} className="rounded-md border border-slate-200 bg-white px-4 py-3">
            <p className="text-sm">
              <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{categoryLabels[r.category]}</span>
              {/* A reason that asks for nothing more than "push" is advice (e.g. sleep), never a green light. */}
              <span className="mr-2 text-xs font-medium text-slate-700">{r.verdict === "push" ? "Advice" : verdictWords[r.verdict].title}</span>
              {r.summary}
            </p>
            <p className="mt-1 text-xs text-slate-600">Source: {sourceOf(r.ruleId, region) ?? "—"}</p>
            <details className="mt-1 text-xs text-slate-600">
              <summary className="cursor-pointer">Details</summary>
              <p className="mt-1">
                Rule <code>{r.ruleId}</code>
                {Object.keys(r.evidence).length ? (
                  <>
                    {" · "}
                    {Object.entries(r.evidence)
                      .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
                      .join(", ")}
                  </>
                ) : null}
              </p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CapacityTable({ evaluation }: { evaluation: Evaluation }) {
  if (!evaluation.capacity.length) return <p className="text-sm text-slate-600">No capacity tests recorded.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        <caption className="mb-2 text-left text-lg font-semibold">Capacity</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-xs uppercase tracking-wide text-slate-600">
            <th scope="col" className="py-2 pr-3">Test</th>
            <th scope="col" className="py-2 pr-3">Left</th>
            <th scope="col" className="py-2 pr-3">Right</th>
            <th scope="col" className="py-2 pr-3">Target</th>
            <th scope="col" className="py-2 pr-3">Shortfall</th>
            <th scope="col" className="py-2 pr-3">Limb symmetry</th>
            <th scope="col" className="py-2">Result</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.capacity.map((c) => (
            <tr key={c.test} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-3 text-left font-medium">{testLabel(c.test)}</th>
              <td className="py-2 pr-3">{c.left ?? c.value ?? "—"}</td>
              <td className="py-2 pr-3">{c.right ?? "—"}</td>
              <td className="py-2 pr-3">
                {c.targetKind === "none" ? "—" : `${c.target} ${c.unit}`}
              </td>
              <td className="py-2 pr-3">{c.deficitPct ? `${c.deficitPct} % ${shortfallName(c.targetKind).toLowerCase()}` : "—"}</td>
              <td className="py-2 pr-3">{c.lsiPct !== undefined ? `${c.lsiPct} %` : "—"}</td>
              <td className="py-2">{c.meetsTarget ? "Meets target" : <strong className="text-amber-800">Below target</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Missing({ evaluation, fit, stepHref }: { evaluation: Evaluation; fit: FitContext; stepHref?: (n: number) => string }) {
  const missing = shownMissing(evaluation, fit);
  if (!missing.length) return <p className="text-sm text-slate-700">Nothing that could change the decision is unanswered.</p>;
  return (
    <section aria-labelledby="missing-title">
      <h2 id="missing-title" className="text-lg font-semibold">
        Still unanswered
      </h2>
      <p className="text-sm text-slate-600">Answers that could make the decision more cautious.</p>
      <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
        {missing.map((p) => {
          const m = missingLabel(p);
          return (
            <li key={p}>
              {m.label}
              {m.step && stepHref ? (
                <>
                  {" "}
                  <Link href={stepHref(m.step)} className="text-brand-700 underline">
                    step {m.step}
                  </Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function PlanPreview({ evaluation, title = "Plan preview" }: { evaluation: Evaluation; title?: string }) {
  const plan = evaluation.plan;
  if (!plan) return null;
  return (
    <section aria-labelledby="plan-title" className="space-y-3">
      <h2 id="plan-title" className="text-lg font-semibold">
        {title}
      </h2>
      <ol className="space-y-3">
        {plan.stages.map((s, i) => (
          <li key={s.key} className="rounded-md border border-slate-200 bg-white px-4 py-3">
            <h3 className="font-medium">
              Stage {i + 1}: {s.title}
            </h3>
            <p className="text-sm text-slate-700">
              {s.weeks.min === s.weeks.max ? `${s.weeks.min}` : `${s.weeks.min}-${s.weeks.max}`} weeks
              {s.runVolumePct ? ` · running ${s.runVolumePct.min}-${s.runVolumePct.max} % of usual` : ""}
              {s.trainingHoursPct ? ` · training hours ${s.trainingHoursPct.min}-${s.trainingHoursPct.max} % of usual` : ""}
              {` · effort up to RPE ${s.maxEffortRpe}`}
              {s.intensityAllowed ? "" : " · no intervals or hard efforts"}
            </p>
            {s.strength.length ? (
              <ul className="mt-2 list-disc pl-5 text-sm">
                {s.strength.map((x) => (
                  <li key={x.exercise}>
                    {x.exercise}: {x.sets} × {x.reps}
                    {x.note ? ` (${x.note})` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            {s.progressWhen.length ? <p className="mt-2 text-xs text-slate-600">Progress when: {s.progressWhen.join(" ")}</p> : null}
          </li>
        ))}
      </ol>
      {plan.advice?.length ? (
        <ul className="list-disc pl-5 text-sm text-slate-700">
          {plan.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function PsfsSummary({ psfs, prior }: { psfs?: Psfs; prior?: Psfs }) {
  if (!psfs) return <p className="text-sm text-slate-600">PSFS not recorded.</p>;
  const change = prior ? Math.round((psfs.mean - prior.mean) * 10) / 10 : undefined;
  return (
    <section aria-labelledby="psfs-title" className="space-y-1 text-sm">
      <h2 id="psfs-title" className="text-lg font-semibold">
        Patient-Specific Functional Scale
      </h2>
      <p>
        Score <strong>{psfs.mean} / 10</strong> ({psfs.activities.map((a) => `${a.activity} ${a.score}`).join(", ")})
      </p>
      {change !== undefined ? (
        <p>
          Change since the last assessment: {change > 0 ? "+" : ""}
          {change} points,{" "}
          {Math.abs(change) >= PSFS_MIC ? "reaches" : "below"} the minimal important change of {PSFS_MIC} points (Abbott & Schmitt 2014).
        </p>
      ) : (
        <p className="text-slate-600">No earlier PSFS to compare with.</p>
      )}
    </section>
  );
}

export function LefsSummary({ lefs, prior }: { lefs?: Lefs; prior?: Lefs }) {
  if (!lefs) return null;
  const change = lefsChange(prior?.total, lefs.total);
  return (
    <section aria-labelledby="lefs-title" className="space-y-1 text-sm">
      <h2 id="lefs-title" className="text-lg font-semibold">
        Lower Extremity Functional Scale
      </h2>
      <p>
        Score <strong>{lefs.total} / {LEFS_MAX}</strong> (higher is better)
      </p>
      {change ? (
        <p>
          Change since the last assessment ({change.previousTotal}): {change.change > 0 ? "+" : ""}
          {change.change} points, {change.meaningful ? "reaches" : "below"} the minimal important change of {LEFS_MIC} points ({LEFS_CITATION}).
        </p>
      ) : (
        <p className="text-slate-600">No earlier LEFS to compare with.</p>
      )}
    </section>
  );
}
