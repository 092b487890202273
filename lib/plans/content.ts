import type { Plan, Verdict } from "@/lib/clinical";
import type { PlanContent, PlanEditForm, PlanOverride } from "@/lib/validation/plan";
import { howToFor } from "./exercise-library";
import { stageCrossings } from "./limits";
import { displayToKm, kmToDisplay, type DistanceUnit } from "./units";

// Pure conversions between the engine's plan, a saved version and the editor's form values.

/** Version 1 of a plan: the engine's plan as it stands, with a how-to for each known exercise. */
export function fromEnginePlan(plan: Plan): PlanContent {
  return {
    stages: plan.stages.map((s) => ({
      ...s,
      strength: s.strength.map((x) => {
        const howTo = howToFor(x.exercise);
        return howTo ? { ...x, howTo } : { ...x };
      }),
      notes: "",
    })),
    painRules: plan.painRules,
    deloadEveryWeeks: plan.deloadEveryWeeks,
    seekCareIf: plan.seekCareIf,
    ...(plan.advice ? { advice: plan.advice } : {}),
    notes: "",
  };
}

// A paused stage has no volume at all: its form value is 0, never the 100 % of a full stage.
const volumeOf = (s: PlanContent["stages"][number]) => s.trainingHoursPct ?? s.runVolumePct ?? (s.pauseUntilCleared ? { min: 0, max: 0 } : { min: 100, max: 100 });

/** A version as the editor's string fields. Long runs appear in the clinic's unit. */
export function toFormValues(content: PlanContent, unit: DistanceUnit, ids: { planId: string; patientId: string; version: number }) {
  return {
    planId: ids.planId,
    patientId: ids.patientId,
    version: String(ids.version),
    notes: content.notes ?? "",
    stages: content.stages.map((s) => ({
      weeksMin: String(s.weeks.min),
      weeksMax: String(s.weeks.max),
      volMin: String(volumeOf(s).min),
      volMax: String(volumeOf(s).max),
      longRun: s.longRunKmMax === undefined ? "" : String(kmToDisplay(s.longRunKmMax, unit)),
      rpe: String(s.maxEffortRpe),
      intensity: s.intensityAllowed,
      crossTraining: s.crossTraining.join("\n"),
      notes: s.notes ?? "",
      reason: "",
      strength: s.strength.map((x) => ({ exercise: x.exercise, sets: String(x.sets), reps: x.reps, howTo: x.howTo ?? "", note: x.note ?? "" })),
    })),
  };
}
export type PlanFormValues = ReturnType<typeof toFormValues>;

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Whether an edit of a paused stage asks for any training load (the editor offers none). */
export function pausedStageLoaded(prev: PlanContent["stages"][number], f: PlanEditForm["stages"][number]): boolean {
  return f.volMax > 0 || f.strength.length > 0 || f.intensity || f.rpe > prev.maxEffortRpe || f.longRun !== undefined;
}

/**
 * The next version: the edited stage settings and exercises over the previous version. Stage
 * order, titles, criteria, pain rules and seek-care advice stay the engine's.
 *
 * A paused stage (`pauseUntilCleared`) keeps its pause: only its walking guidance and note change.
 * A posted form that loads it anyway (the editor offers no such inputs) lifts the pause, so the
 * stage never says "no training" and carries load at once; that load crosses the engine's limits
 * and needs a reason like any other crossing (planOverrides).
 */
export function applyEdits(prev: PlanContent, form: PlanEditForm, unit: DistanceUnit): PlanContent {
  return {
    ...prev,
    notes: form.notes.trim(),
    stages: prev.stages.map((s, i) => {
      const f = form.stages[i];
      if (!f) return s;
      if (s.pauseUntilCleared === true && !pausedStageLoaded(s, f)) {
        return { ...s, crossTraining: lines(f.crossTraining), notes: f.notes.trim() };
      }
      const vol = { min: f.volMin, max: f.volMax };
      let longRunKmMax = s.longRunKmMax;
      if (f.longRun === undefined) longRunKmMax = undefined;
      // Keep the stored kilometres unless the shown value changed, so miles do not drift by rounding.
      else if (s.longRunKmMax === undefined || kmToDisplay(s.longRunKmMax, unit) !== f.longRun) longRunKmMax = displayToKm(f.longRun, unit);
      const next = {
        ...s,
        weeks: { min: f.weeksMin, max: f.weeksMax },
        trainingHoursPct: vol,
        ...(s.runVolumePct ? { runVolumePct: vol } : {}),
        maxEffortRpe: f.rpe,
        intensityAllowed: f.intensity,
        crossTraining: lines(f.crossTraining),
        notes: f.notes.trim(),
        strength: f.strength.map((x) => ({
          exercise: x.exercise,
          sets: x.sets,
          reps: x.reps,
          ...(x.howTo.trim() ? { howTo: x.howTo.trim() } : {}),
          ...(x.note.trim() ? { note: x.note.trim() } : {}),
        })),
      };
      if (longRunKmMax === undefined) delete next.longRunKmMax;
      else next.longRunKmMax = longRunKmMax;
      delete next.pauseUntilCleared;
      return next;
    }),
  };
}

/** Every stage that asks more than the engine allowed, with the reason given in the form. */
export function planOverrides(engine: Plan, content: PlanContent, verdict: Verdict, reasons: readonly string[]): PlanOverride[] {
  const out: PlanOverride[] = [];
  content.stages.forEach((s, i) => {
    const engineStage = engine.stages.find((e) => e.key === s.key) ?? engine.stages[i];
    const crossings = stageCrossings(engineStage, s, verdict, i + 1);
    if (crossings.length) out.push({ stage: i, stageKey: s.key, crossings, reason: (reasons[i] ?? "").trim() });
  });
  return out;
}
