import type { RuleContext } from "./rules/types";

// F4 and F5 (seed 001): a planned lighter week every 4-6 weeks; sooner for advanced or elite
// athletes (4-5), later for beginners (5-6), whose main job is consistency. One function, so the
// plan's cadence and the rule that says a lighter week is overdue (load.deload_overdue) agree.

export function deloadCadence(ctx: Pick<RuleContext, "input" | "settings">): { min: number; max: number } {
  const { min, max } = ctx.settings.deloadEveryWeeks;
  const lo = Math.max(4, Math.min(min, max, 6));
  const hi = Math.min(6, Math.max(min, max, 4));
  const age = ctx.input.sport.trainingAgeYears;
  const advanced = ctx.input.sport.level === "elite" || (age !== undefined && age >= ctx.settings.advancedTrainingAgeYears);
  const beginner = age !== undefined && age < ctx.settings.beginnerTrainingAgeYears;
  if (advanced && hi - lo >= 1) return { min: lo, max: hi - 1 };
  if (beginner && hi - lo >= 1) return { min: lo + 1, max: hi };
  return { min: lo, max: hi };
}
