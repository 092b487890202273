import type { CarePlan, CarePlanActivity } from "@medplum/fhirtypes";
import type { Ref } from "./codes";
import type { PlanRow, PlanVersion } from "@/db/schema";
import type { PlanContentStage } from "@/lib/validation/plan";
import { CS, instant } from "./codes";

const range = (r: { min: number; max: number } | undefined, label: string) => (r ? `${label} ${r.min}-${r.max}%` : null);

function describeStage(s: PlanContentStage): string {
  const parts = [
    `${s.weeks.min}-${s.weeks.max} weeks`,
    range(s.runVolumePct, "running volume"),
    range(s.trainingHoursPct, "training hours"),
    s.longRunKmMax !== undefined ? `longest run up to ${s.longRunKmMax} km` : null,
    `effort up to ${s.maxEffortRpe}/10`,
    s.intensityAllowed ? "intervals and heavy sessions allowed" : "no intervals or heavy sessions",
    s.pauseUntilCleared ? "no loading until a doctor has seen the patient" : null,
    s.crossTraining.length ? `cross-training: ${s.crossTraining.join("; ")}` : null,
    s.strength.length ? `strength: ${s.strength.map((x) => `${x.exercise} ${x.sets}x${x.reps}`).join("; ")}` : null,
    s.progressWhen.length ? `move on when: ${s.progressWhen.join("; ")}` : null,
    s.regressWhen.length ? `drop back when: ${s.regressWhen.join("; ")}` : null,
  ];
  return parts.filter(Boolean).join(". ");
}

/** The published plan version, its stages as activities; the patient's current stage is in progress. */
export function toCarePlan(args: {
  id: string;
  plan: PlanRow;
  published: PlanVersion;
  currentStageKey: string | null;
  subject: Ref;
  author?: Ref;
  addresses: Ref[];
  supportingInfo: Ref[];
}): CarePlan {
  const stages = args.published.content.stages;
  const current = args.currentStageKey ? stages.findIndex((s) => s.key === args.currentStageKey) : -1;
  const activity: CarePlanActivity[] = stages.map((s, i) => ({
    detail: {
      code: { coding: [{ system: CS.planStage, code: s.key, display: s.title }], text: s.title },
      status: current < 0 ? "not-started" : i < current ? "completed" : i === current ? "in-progress" : "not-started",
      description: describeStage(s),
    },
  }));
  return {
    resourceType: "CarePlan",
    id: args.id,
    status: args.plan.withdrawnAt ? "on-hold" : "active",
    intent: "plan",
    title: "Return-to-training plan",
    description: `Published version ${args.published.version}. Lighter week every ${args.published.content.deloadEveryWeeks.min}-${args.published.content.deloadEveryWeeks.max} weeks.`,
    subject: args.subject,
    created: instant(args.plan.publishedAt ?? args.plan.createdAt),
    ...(args.author ? { author: args.author } : {}),
    supportingInfo: [...args.addresses, ...args.supportingInfo],
    activity,
    note: [
      ...args.published.content.painRules.map((r) => ({ text: `Pain rule (${r.level}): when ${r.when}, ${r.then}` })),
      ...args.published.content.seekCareIf.map((t) => ({ text: `Seek care if: ${t}` })),
    ],
  };
}
