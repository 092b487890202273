"use client";
import { useWatch } from "react-hook-form";
import { lefsApplies, type FitContext } from "@/lib/assessments/question-fit";
import { PSFS_MIC, PSFS_SLOTS } from "@/lib/validation/assessment";
import { NumberField, Section, TextField } from "./fields";
import { LefsFields } from "./lefs-fields";
import type { StepFormApi } from "./use-step-form";

/**
 * Patient-Specific Functional Scale: up to five activities the patient names, each rated 0-10
 * (0 = unable, 10 = as before the problem). Score = mean; a change of about 2 points is the
 * minimal important change (Abbott & Schmitt 2014, JOSPT 44:560).
 */
export function OutcomeFields({
  api,
  priorMean,
  fit = {},
  priorLefsTotal,
}: {
  api: StepFormApi;
  priorMean?: number;
  /** The saved region (step 2): the LEFS is offered for a lower-limb complaint. */
  fit?: FitContext;
  priorLefsTotal?: number;
}) {
  return (
    <>
      <PsfsFields api={api} priorMean={priorMean} />
      {lefsApplies(fit) ? <LefsFields api={api} priorTotal={priorLefsTotal} /> : null}
    </>
  );
}

function PsfsFields({ api, priorMean }: { api: StepFormApi; priorMean?: number }) {
  const watched = useWatch({ control: api.form.control }) as Record<string, unknown>;
  const values = { ...api.values, ...watched };
  const scores = PSFS_SLOTS.map((i) => {
    const a = String(values[`psfs${i}Activity`] ?? "").trim();
    const s = String(values[`psfs${i}Score`] ?? "").trim();
    const n = Number(s);
    return a && s !== "" && Number.isInteger(n) && n >= 0 && n <= 10 ? n : undefined;
  }).filter((n): n is number => n !== undefined);
  const mean = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : undefined;
  const change = mean !== undefined && priorMean !== undefined ? Math.round((mean - priorMean) * 10) / 10 : undefined;
  return (
    <Section
      title="Patient-Specific Functional Scale (PSFS)"
      description="Ask the patient to name up to five activities they find hard because of the problem, and to rate each from 0 (unable to do) to 10 (able to do as before)."
    >
      <div className="space-y-3">
        {PSFS_SLOTS.map((i) => (
          <div key={i} className="grid gap-3 sm:grid-cols-[1fr_10rem]">
            <TextField api={api} name={`psfs${i}Activity`} label={`Activity ${i}`} />
            <NumberField api={api} name={`psfs${i}Score`} label={`Activity ${i} score`} unit="0-10" />
          </div>
        ))}
      </div>
      <div className="rounded-md bg-slate-50 px-4 py-3 text-sm" aria-live="polite">
        <p>
          <strong>PSFS score:</strong> {mean !== undefined ? `${mean} / 10 (mean of ${scores.length} activit${scores.length === 1 ? "y" : "ies"})` : "not scored yet"}
        </p>
        {priorMean !== undefined ? (
          <p>
            <strong>Since the last assessment ({priorMean}):</strong>{" "}
            {change === undefined
              ? "—"
              : `${change > 0 ? "+" : ""}${change} points: ${Math.abs(change) >= PSFS_MIC ? "reaches" : "below"} the minimal important change (${PSFS_MIC} points)`}
          </p>
        ) : (
          <p className="text-slate-600">No earlier PSFS to compare with.</p>
        )}
      </div>
    </Section>
  );
}
