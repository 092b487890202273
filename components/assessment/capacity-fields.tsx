"use client";
import { useWatch } from "react-hook-form";
import { CapacityTestFigure } from "@/components/exercise-art/exercise-figure";
import { capacityCatalogue, describeSource, resolveSettings, scoreCapacity, type CapacityTestInput, type EngineSettingsInput, type Sport } from "@/lib/clinical";
import { capacityParts, capField } from "@/lib/validation/assessment";
import { NumberField } from "./fields";
import { shortfallName } from "./labels";
import type { StepFormApi } from "./use-step-form";

const toNum = (v: unknown) => {
  if (typeof v !== "string" || v.trim() === "") return undefined;
  const n = Number(v.trim().replace(",", "."));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/**
 * The capacity catalogue. A test is "picked" by entering its result; each shows its instructions
 * and, as numbers go in, the target, the deficit and the limb symmetry index (the engine's own
 * scoring, so the screen and the decision agree). Without JavaScript the same figures show for
 * the saved values.
 */
export function CapacityFields({ api, sport, settings }: { api: StepFormApi; sport: Sport; settings?: EngineSettingsInput }) {
  const resolved = resolveSettings(settings);
  const watched = useWatch({ control: api.form.control }) as Record<string, unknown>;
  const values = { ...api.values, ...watched };
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        Open a test to see how to run it. Enter a result for each test you did; leave the others closed. Targets are for{" "}
        <strong>{sport.replace("_", " ")}</strong>.
      </p>
      {capacityCatalogue.map((e) => {
        const parts = capacityParts(e.perSide);
        const tests: CapacityTestInput[] = parts.flatMap((p) => {
          const value = toNum(values[capField(e.test, p)]);
          return value === undefined ? [] : [{ test: e.test, value, ...(p === "value" ? {} : { side: p }) }];
        });
        const [score] = scoreCapacity(tests, sport, resolved);
        const hasError = [...parts, "pain" as const].some((p) => api.errorFor(capField(e.test, p)));
        const open = tests.length > 0 || hasError;
        const headingId = `${e.test}-summary`;
        return (
          <details key={e.test} open={open} className="group rounded-lg border border-slate-200 bg-white">
            <summary className="flex cursor-pointer list-none flex-wrap items-center justify-between gap-2 px-5 py-3">
              <span id={headingId} className="font-medium">
                {e.label}
              </span>
              <span className="text-sm text-slate-600">
                {score ? (score.meetsTarget ? "Meets target" : "Below target") : "Not tested"}
                <span aria-hidden className="ml-2 inline-block transition-transform group-open:rotate-90">
                  ›
                </span>
              </span>
            </summary>
            <div className="space-y-4 border-t border-slate-200 px-5 py-4">
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
                <CapacityTestFigure test={e.test} label={e.label} className="w-48 shrink-0" />
                <p className="text-sm text-slate-700">{e.howTo}</p>
              </div>
              <p className="text-xs text-slate-600">Target: {describeSource(e.targetNote)}</p>
              <div className="grid gap-4 sm:grid-cols-3">
                {parts.map((p) => (
                  <NumberField
                    key={p}
                    api={api}
                    name={capField(e.test, p)}
                    label={`${e.label}: ${p === "value" ? "result" : p === "left" ? "left" : "right"}`}
                    unit={e.unit}
                  />
                ))}
                <NumberField api={api} name={capField(e.test, "pain")} label={`${e.label}: pain during test`} unit="0-10, optional" />
              </div>
              {score ? (
                <dl className="grid grid-cols-3 gap-3 rounded-md bg-slate-50 px-4 py-3 text-sm" aria-live="polite" aria-label={`${e.label} result`}>
                  <div>
                    <dt className="text-xs uppercase tracking-wide text-slate-600">Target</dt>
                    <dd className="font-medium">
                      {score.targetKind === "none" ? "None (reported only)" : `${score.target} ${score.unit}`}
                      {score.targetKind === "symmetry" ? ` (${resolved.lsiMinPct} % of the stronger side)` : ""}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs uppercase tracking-wide text-slate-600">{shortfallName(score.targetKind)}</dt>
                    <dd className="font-medium">{score.deficitPct !== undefined ? `${score.deficitPct} %` : "—"}</dd>
                  </div>
                  <div>
                    <dt className="text-xs uppercase tracking-wide text-slate-600">Limb symmetry</dt>
                    <dd className="font-medium">{score.lsiPct !== undefined ? `${score.lsiPct} %` : "—"}</dd>
                  </div>
                </dl>
              ) : null}
            </div>
          </details>
        );
      })}
    </div>
  );
}
