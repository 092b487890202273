import { differenceInYears, parseISO } from "date-fns";
import { assessmentInputSchema, capacityCatalogue, type AssessmentInput, type CapacityTestInput } from "@/lib/clinical";
import type { AssessmentDraft } from "@/db/schema/assessments";
import {
  capacityParts,
  capField,
  FORM_STEP_KEYS,
  NOT_ASKED,
  PSFS_MIC,
  PSFS_SLOTS,
  RED_FLAG_ITEMS,
  stepByKey,
  stepFieldNames,
  stepValueSchemas,
  SYMPTOM_ITEMS,
  type FormStepKey,
} from "@/lib/validation/assessment";
import { lefsFrom, type Lefs } from "./lefs";
import { lefsApplies, questionApplies, type FitContext } from "./question-fit";

// Pure: turns the per-step draft (form strings) into the engine's contract v1 input. The draft
// was validated step by step as it was saved; it is parsed again here so a rule change in a step
// schema can never slip an invalid value into the engine.

export type PatientFacts = { dateOfBirth: string; sex: "female" | "male" | "other" | "unspecified" };

export type Psfs = { activities: { activity: string; score: number }[]; mean: number };

/** What is frozen at finalize: contract v1 plus the optional outcome measures (PSFS; LEFS for a lower-limb complaint). */
export type AssessmentSnapshotInput = AssessmentInput & { psfs?: Psfs; lefs?: Lefs; engineSettings?: Record<string, unknown> };

export type InputProblem = { step: number; message: string };
export type BuildResult =
  | { ok: true; input: AssessmentSnapshotInput; stepValues: Partial<Record<FormStepKey, Record<string, unknown>>> }
  | { ok: false; problems: InputProblem[]; stepValues: Partial<Record<FormStepKey, Record<string, unknown>>> };

/** Drops undefined keys; returns undefined for an object with nothing in it. */
function compact<T extends Record<string, unknown>>(o: T): T | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length ? (out as T) : undefined;
}

/** Parsed values back to the strings a form posts (the canonical draft form). */
export function toFormStrings(key: FormStepKey, parsed: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of stepFieldNames(key)) {
    const v = parsed[name];
    if (v === undefined || v === null) continue;
    out[name] = typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
  }
  return out;
}

export function parseDraftSteps(draft: AssessmentDraft) {
  const values: Partial<Record<FormStepKey, Record<string, unknown>>> = {};
  const problems: InputProblem[] = [];
  for (const key of FORM_STEP_KEYS) {
    const raw = draft[key];
    if (!raw) continue;
    const parsed = stepValueSchemas[key].safeParse(raw);
    if (parsed.success) values[key] = parsed.data as Record<string, unknown>;
    else problems.push({ step: stepByKey(key).n, message: `${stepByKey(key).title}: some answers need attention.` });
  }
  return { values, problems };
}

export function psfsFrom(v: Record<string, unknown> | undefined): Psfs | undefined {
  if (!v) return undefined;
  const activities = PSFS_SLOTS.flatMap((i) => {
    const activity = v[`psfs${i}Activity`];
    const score = v[`psfs${i}Score`];
    return typeof activity === "string" && typeof score === "number" ? [{ activity, score }] : [];
  });
  if (!activities.length) return undefined;
  const mean = Math.round((activities.reduce((s, a) => s + a.score, 0) / activities.length) * 10) / 10;
  return { activities, mean };
}

/** PSFS change against an earlier mean; higher is better on the PSFS. */
export function psfsChange(previousMean: number | undefined, mean: number | undefined) {
  if (previousMean === undefined || mean === undefined) return undefined;
  const change = Math.round((mean - previousMean) * 10) / 10;
  return { previousMean, mean, change, meaningful: Math.abs(change) >= PSFS_MIC, mic: PSFS_MIC };
}

/**
 * The red-flag step split into the contract's two parts: the answered items (`redFlags`) and the
 * items deliberately not asked, with the step's one reason (`redFlagsNotAsked`).
 */
export function redFlagsFrom(v: Record<string, unknown> | undefined) {
  if (!v) return { redFlags: undefined, redFlagsNotAsked: undefined };
  const answered: Record<string, boolean> = {};
  const keys: string[] = [];
  for (const [k] of RED_FLAG_ITEMS) {
    if (typeof v[k] === "boolean") answered[k] = v[k];
    else if (v[k] === NOT_ASKED) keys.push(k);
  }
  const reason = typeof v.notAskedReason === "string" ? v.notAskedReason : "";
  return {
    redFlags: Object.keys(answered).length ? answered : undefined,
    redFlagsNotAsked: keys.length ? { keys, reason } : undefined,
  };
}

export function buildAssessmentInput(draft: AssessmentDraft, patient: PatientFacts, onDate: Date): BuildResult {
  const { values: s, problems } = parseDraftSteps(draft);
  if (!draft.load) problems.push({ step: 1, message: "Sport and training load: not completed yet (the main sport is required)." });
  if (!draft.complaint) problems.push({ step: 2, message: "Complaint and symptoms: not completed yet (choose a region or “No complaint”)." });
  const ageYears = differenceInYears(onDate, parseISO(patient.dateOfBirth));
  if (problems.length || !s.load) return { ok: false, problems, stepValues: s };

  const load = s.load;
  const c = s.complaint ?? {};
  const rec = s.recovery ?? {};
  const capacity = s.capacity ?? {};

  const capacityTests: CapacityTestInput[] = [];
  for (const e of capacityCatalogue) {
    const pain = capacity[capField(e.test, "pain")] as number | undefined;
    for (const part of capacityParts(e.perSide)) {
      const value = capacity[capField(e.test, part)] as number | undefined;
      if (value === undefined) continue;
      capacityTests.push(
        compact({ test: e.test, side: part === "value" ? undefined : part, value, painNrs: pain }) as CapacityTestInput,
      );
    }
  }

  // A question that does not fit the region or sport is not asked; an answer to it left in the
  // draft (the region or sport changed after it was given) stays unknown, never a hidden "no".
  const fit: FitContext = { region: typeof c.region === "string" ? c.region : undefined, sport: load.sport as string };
  const ifFits = (k: string, v: unknown) => (questionApplies(k, fit) ? v : undefined);

  const aggravators = typeof c.aggravators === "string" ? c.aggravators.split(/[\n,;]+/).map((a) => a.trim()).filter(Boolean) : undefined;
  const raw = compact({
    contractVersion: 1 as const,
    patient: compact({ ageYears, sex: patient.sex }),
    sport: compact({ primary: load.sport, level: load.level, trainingAgeYears: load.trainingAgeYears, goal: load.goal }),
    complaint:
      c.region && c.region !== "none"
        ? compact({
            region: c.region,
            side: c.side,
            onset: c.onset,
            daysSinceOnset: c.daysSinceOnset,
            mechanism: c.mechanism,
            aggravators: aggravators?.length ? aggravators : undefined,
          })
        : undefined,
    symptoms: compact({
      painNowNrs: c.painNowNrs,
      painWorst24hNrs: c.painWorst24hNrs,
      painDuringActivityNrs: c.painDuringActivityNrs,
      nextDayResponse: c.nextDayResponse,
      trend: c.trend,
      ...Object.fromEntries(SYMPTOM_ITEMS.map(([k]) => [k, ifFits(k, c[k])])),
    }),
    ...redFlagsFrom(s.redFlags),
    load: compact({
      hoursPerWeekNow: load.hoursPerWeekNow,
      hoursPerWeekUsual: load.hoursPerWeekUsual,
      runKmPerWeekNow: load.runKmPerWeekNow,
      runKmPerWeekUsual: load.runKmPerWeekUsual,
      hardSessionsPerWeek: load.hardSessionsPerWeek,
      longestRunKm30d: load.longestRunKm30d,
      weeksSinceDeload: load.weeksSinceDeload,
    }),
    recovery: compact({
      sleepHoursAvg: rec.sleepHoursAvg,
      sleepQualityDeclined: rec.sleepQualityDeclined,
      fuelingAdequate: rec.fuelingAdequate,
      hydrationAdequate: rec.hydrationAdequate,
      lifeStress: rec.lifeStress,
      restingHrBaseline: rec.restingHrBaseline,
      restingHrNow: rec.restingHrNow,
      restingHrElevatedDays: rec.restingHrElevatedDays,
      motivationLow: rec.motivationLow,
      persistentJointSoreness: rec.persistentJointSoreness,
      performanceDeclining: rec.performanceDeclining,
    }),
    fatigue: compact({
      pattern: rec.fatiguePattern,
      weightsMovingNormally: ifFits("weightsMovingNormally", rec.weightsMovingNormally),
      reluctanceMainlyMotivational: rec.reluctanceMainlyMotivational,
    }),
    capacityTests: capacityTests.length ? capacityTests : undefined,
  })!;

  const parsed = assessmentInputSchema.safeParse(raw);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((i) => {
      const path = i.path.join(".");
      if (path.startsWith("patient.ageYears")) return { step: 1, message: `The patient's age (${ageYears}) is outside what the engine assesses (10-100 years).` };
      if (path.startsWith("redFlagsNotAsked")) return { step: 3, message: "Red-flag screen: give the reason the questions marked “not asked” were not asked." };
      return { step: 1, message: `${path}: ${i.message}` };
    });
    return { ok: false, problems: messages, stepValues: s };
  }
  const psfs = psfsFrom(s.outcomes);
  const lefs = lefsApplies(fit) ? lefsFrom(s.outcomes) : undefined;
  const input: AssessmentSnapshotInput = { ...parsed.data, ...(psfs ? { psfs } : {}), ...(lefs ? { lefs } : {}) };
  return { ok: true, input, stepValues: s };
}
