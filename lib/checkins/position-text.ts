import { format, parseISO } from "date-fns";
import { daysBetween } from "@/lib/clinical";
import type { PlanContent } from "@/lib/validation/plan";
import type { PositionLike } from "./review-input";

// Pure: where the patient is, as the first line of their page and PDF, e.g.
// "Stage 2 of 4, week 1: Build back up". Weeks count from the day the stage began.

// A clinic-local ISO day, parsed and written in the same (local) zone, so it never shifts a day.
const dayText = (iso: string) => format(parseISO(iso), "d MMMM yyyy");

export type PositionText = { line: string; detail: string };

export function positionText(content: PlanContent, position: PositionLike, today: string): PositionText | null {
  const i = content.stages.findIndex((s) => s.key === position.stageKey);
  if (i < 0) return null;
  const stage = content.stages[i]!;
  const days = Math.max(0, daysBetween(position.startedOn, today));
  const week = Math.floor(days / 7) + 1;
  const line = `Stage ${i + 1} of ${content.stages.length}, week ${week}: ${stage.title}`;
  const parts = [`You started this stage on ${dayText(position.startedOn)}.`];
  if (position.doseCutPct > 0) parts.push(`Your clinician has cut the amount in this stage by ${position.doseCutPct} %.`);
  if (position.lastLighterWeekOn) parts.push(`Your last lighter week began on ${dayText(position.lastLighterWeekOn)}.`);
  return { line, detail: parts.join(" ") };
}
