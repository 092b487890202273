import type { CodeableConcept, Observation, ObservationComponent, Quantity } from "@medplum/fhirtypes";
import type { Ref } from "./codes";
import type { CheckInReviewRow, CheckInRow } from "@/db/schema";
import type { Evaluation } from "@/lib/clinical";
import { CS, derivedId, instant, LOINC_PAIN_NRS, OBS_CATEGORY, UCUM, UCUM_UNITS } from "./codes";
import { labelOf } from "./questionnaires";

const category = (code: "survey" | "exam" | "therapy"): CodeableConcept[] => [{ coding: [{ system: OBS_CATEGORY, code }] }];
const own = (system: string, code: string, display?: string): CodeableConcept => ({ coding: [{ system, code, display: display ?? labelOf(code) }], text: display ?? labelOf(code) });

function quantity(value: number, unit: string): Quantity {
  const u = UCUM_UNITS[unit];
  return u ? { value, unit: u.unit, system: UCUM, code: u.code } : { value, unit };
}

/** A 0-10 pain rating: LOINC 72514-3, with our code saying which pain (now, worst in 24 h, …). */
function pain(id: string, context: string, value: number, subject: Ref, effective: string, extra: Partial<Observation> = {}): Observation {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    category: category("survey"),
    code: { coding: [LOINC_PAIN_NRS, { system: CS.painContext, code: context, display: labelOf(context) }], text: `Pain (0-10): ${labelOf(context).toLowerCase()}` },
    subject,
    effectiveDateTime: effective,
    valueInteger: value,
    ...extra,
  };
}

const PAIN_FIELDS = ["painNowNrs", "painWorst24hNrs", "painDuringActivityNrs"] as const;

export function assessmentPainObservations(a: { id: string; input: Record<string, unknown>; effective: string; subject: Ref; derivedFrom: Ref }): Observation[] {
  const symptoms = (a.input.symptoms ?? {}) as Record<string, unknown>;
  return PAIN_FIELDS.flatMap((f) => {
    const v = symptoms[f];
    return typeof v === "number" ? [pain(derivedId(a.id, "pain", f), f, v, a.subject, a.effective, { derivedFrom: [a.derivedFrom] })] : [];
  });
}

/** One Observation per capacity test: each side's result in UCUM, the limb symmetry, the target. */
export function capacityObservations(a: { id: string; evaluation: Evaluation; input: Record<string, unknown>; effective: string; subject: Ref; derivedFrom: Ref }): Observation[] {
  const tests = (Array.isArray(a.input.capacityTests) ? a.input.capacityTests : []) as { test: string; side?: string; painNrs?: number }[];
  return a.evaluation.capacity.map((c, i) => {
    const component: ObservationComponent[] = [];
    const side = (code: string, v: number | undefined) => {
      if (v !== undefined) component.push({ code: own(CS.observation, code), valueQuantity: quantity(v, c.unit) });
    };
    side("left-side", c.left);
    side("right-side", c.right);
    side("bilateral", c.value);
    if (c.lsiPct !== undefined) component.push({ code: own(CS.observation, "limb-symmetry-index", "Limb symmetry index"), valueQuantity: quantity(c.lsiPct, "%") });
    if (c.deficitPct !== undefined) component.push({ code: own(CS.observation, "deficit-from-target", "Deficit from target"), valueQuantity: quantity(c.deficitPct, "%") });
    component.push({ code: own(CS.observation, "target"), valueQuantity: quantity(c.target, c.unit) });
    component.push({ code: own(CS.observation, "meets-target"), valueBoolean: c.meetsTarget });
    for (const t of tests.filter((t) => t.test === c.test && typeof t.painNrs === "number")) {
      component.push({ code: { coding: [LOINC_PAIN_NRS, { system: CS.painContext, code: `during-test-${t.side ?? "bilateral"}` }], text: `Pain during the test (${t.side ?? "both sides"})` }, valueInteger: t.painNrs });
    }
    return {
      resourceType: "Observation",
      id: derivedId(a.id, "capacity", i, c.test),
      status: "final",
      category: category("exam"),
      code: own(CS.capacityTest, c.test),
      subject: a.subject,
      effectiveDateTime: a.effective,
      component,
      derivedFrom: [a.derivedFrom],
    } satisfies Observation;
  });
}

/** The verdict with every reason (rule id, category, what it asks for, the plain sentence) and the ruleset. */
export function verdictObservation(a: { id: string; evaluation: Evaluation; rulesetVersion: string; effective: string; subject: Ref; derivedFrom: Ref[]; performer?: Ref }): Observation {
  return {
    resourceType: "Observation",
    id: derivedId(a.id, "verdict"),
    status: "final",
    category: category("exam"),
    code: own(CS.observation, "return-to-training-verdict", "Return-to-training verdict"),
    subject: a.subject,
    effectiveDateTime: a.effective,
    ...(a.performer ? { performer: [a.performer] } : {}),
    valueCodeableConcept: own(CS.verdict, a.evaluation.verdict),
    method: { text: `Loadwise ruleset ${a.rulesetVersion}` },
    component: [
      { code: own(CS.observation, "ruleset-version", "Ruleset version"), valueString: a.rulesetVersion },
      ...a.evaluation.reasons.map((r) => ({
        code: { coding: [{ system: CS.rule, code: r.ruleId }], text: `${r.category}: ${r.verdict}` },
        valueString: r.summary,
      })),
    ],
    derivedFrom: a.derivedFrom,
  };
}

const MORNING_WORDS: Record<string, string> = { better: "Better", same: "Same", worse: "Worse" };

/** A check-in: pain during the session, and the next morning's pain and comparison when answered. */
export function checkInObservations(c: CheckInRow, subject: Ref, basedOn: Ref): Observation[] {
  const out: Observation[] = [];
  if (c.painDuringNrs !== null) out.push(pain(derivedId(c.id, "pain-during"), "checkin-during-session", c.painDuringNrs, subject, c.sessionDate, { basedOn: [basedOn] }));
  if (c.morningPainNrs !== null) {
    out.push(pain(derivedId(c.id, "pain-morning"), "checkin-next-morning", c.morningPainNrs, subject, c.morningAt ? instant(c.morningAt) : c.sessionDate, { basedOn: [basedOn] }));
  }
  if (c.morningComparedWithBefore !== null) {
    out.push({
      resourceType: "Observation",
      id: derivedId(c.id, "morning-compared"),
      status: "final",
      category: category("survey"),
      code: own(CS.observation, "next-morning-compared-with-before", "Next morning compared with before the session"),
      subject,
      effectiveDateTime: c.morningAt ? instant(c.morningAt) : c.sessionDate,
      basedOn: [basedOn],
      valueCodeableConcept: own(`${CS.answer}/checkin.morningComparedWithBefore`, c.morningComparedWithBefore, MORNING_WORDS[c.morningComparedWithBefore]),
      ...(c.morningStiffnessOver30Min !== null
        ? { component: [{ code: own(CS.observation, "morning-stiffness-over-30-min", "Morning stiffness over 30 minutes"), valueBoolean: c.morningStiffnessOver30Min }] }
        : {}),
    });
  }
  return out;
}

export const DECIDED_REVIEW = ["approved", "edited", "dismissed", "acknowledged"] as const;

/** A clinician's decision on the engine's check-in suggestion, with the engine's reasons and theirs. */
export function reviewObservation(r: CheckInReviewRow, subject: Ref, basedOn: Ref, performer?: Ref): Observation {
  return {
    resourceType: "Observation",
    id: derivedId(r.id, "review"),
    status: "final",
    category: category("therapy"),
    code: own(CS.observation, "check-in-review-decision", "Check-in review decision"),
    subject,
    effectiveDateTime: r.decidedAt ? instant(r.decidedAt) : r.reviewedOn,
    basedOn: [basedOn],
    ...(performer ? { performer: [performer] } : {}),
    valueCodeableConcept: own(CS.reviewDecision, r.status),
    method: { text: `Loadwise check-in ruleset ${r.rulesetVersion}` },
    component: [
      { code: own(CS.observation, "suggestion"), valueCodeableConcept: own(CS.reviewSuggestion, r.suggestion) },
      { code: own(CS.observation, "ruleset-version", "Ruleset version"), valueString: r.rulesetVersion },
      ...(r.decisionReason?.trim() ? [{ code: own(CS.observation, "decision-reason", "Clinician's reason"), valueString: r.decisionReason }] : []),
      ...r.review.reasons.map((x) => ({ code: { coding: [{ system: CS.rule, code: x.ruleId }], text: x.suggestion }, valueString: x.summary })),
    ],
  };
}
