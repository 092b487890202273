import { describe, expect, it } from "vitest";
import { evaluate, type AssessmentInput } from "@/lib/clinical";
import checkinVignettes from "@/lib/clinical/fixtures/checkin-vignettes.json";
import vignettes from "@/lib/clinical/fixtures/vignettes.json";
import { checkInReviewInputSchema } from "@/lib/clinical/checkins/contract";
import { reviewCheckIns } from "@/lib/clinical/checkins/review";
import { patientLightOf, URGENT_WORDS } from "@/lib/checkins/patient-light";
import { positionText } from "@/lib/checkins/position-text";
import { fromEnginePlan } from "@/lib/plans/content";
import { EXERCISE_LIBRARY } from "@/lib/plans/exercise-library";
import { finishedNotice, finishedNoticeParagraphs } from "@/lib/plans/finished-notice";
import { usualWeekOf } from "@/lib/plans/usual-week";
import { withheldNotice } from "@/lib/plans/withheld-notice";
import { changeWords } from "@/lib/reviews/change-words";
import { ACTIVITY_WORDS, DONE_WORDS, MORNING_WORDS, SYMPTOM_WORDS } from "@/lib/validation/checkin";
import { buildReportModel } from "./report-model";
import { samplePausedReportInput, sampleReportInput } from "./sample";

// Everything the patient reads that the app writes (their page, the PDF, the check-in feedback),
// produced for every assessment vignette and every check-in vignette, scanned for words only a
// clinician uses and for numbers that do not say what they count. A new template or exercise
// with "dose" or "within measurement error" in it fails here, not in a patient's hands.

/** A clinician's words, and why a patient trips on each. Whole words, so "progression runs" or "dosed" cannot hide. */
const CLINICIAN_WORDS: [RegExp, string][] = [
  [/measurement error/i, "statistics"],
  [/\bdeficits?\b/i, "say what is weak"],
  [/\bLSI\b|limb symmetry/i, "say 'your weaker side within N % of your stronger side'"],
  [/\bRPE\b/, "say 'effort out of 10' and what it feels like"],
  [/\bNRS\b/, "say 'pain out of 10'"],
  [/irritab|irritation/i, "say what stirs it up"],
  [/\b(isometric|eccentric|concentric|plyometric)/i, "say 'hold', 'slow lowering', 'hops'"],
  [/\b(ipsi|contra|bi)lateral\b/i, "say 'the same side', 'the other side', 'both'"],
  [/\bcadence\b/i, "say 'steps'"],
  [/\bdeload/i, "say 'lighter week'"],
  [/\bdoses?\b/i, "say 'amount'"],
  [/\bvolume\b/i, "say 'amount' or 'how much'"],
  [/\bcapacity\b/i, "say 'strength'"],
  [/\bcriteri(a|on)\b/i, "say 'points' or 'when'"],
  [/\bregress/i, "say 'step back'"],
  [/\boverreach/i, "say 'too much training'"],
  [/\bre-?test\b/i, "say 'when your clinician tests it again'"],
  [/\bguarding\b/i, "say 'holding it stiff to protect it'"],
  [/\btolerable\b/i, "say 'what your body copes with'"],
  [/\bsoleus\b|\bACWR\b|acute:chronic/i, "anatomy or sports-science shorthand"],
  [/\b(push|modify|back_off|refer|urgent_referral)\b(?= verdict)|\bverdict\b/i, "the engine's verdict"],
  // A rule id: category, a dot, a snake_case name (e.g. capacity.calf_raise_below_target).
  [/\b(red_flag|capacity|load|symptoms|recovery|fatigue|checkins|neuro|acute)\.[a-z_]+/, "a rule id"],
];

/** What may follow a number so that the reader knows what it counts. */
const UNIT_AFTER =
  /^(\s?%|\/10|\s?out of 10|\s?(km|mi|h|min|minutes?|seconds?|-second|hours?|-hour|days?|weeks?|sessions?|runs?|reps?|times|strength exercises?|degrees|m|×|kg)\b|-\d)/;
/** What may come before a number that names it ("Stage 2", "week 5", "plan version 2", an emergency number). */
const NAME_BEFORE = /(Stage|stage|weeks?|version|ruleset|[Cc]all|at|of|and|Goal:)\s$/;
const MONTHS = /^\s(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** Numbers in a sentence that say neither what they count nor what they name. */
function bareNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:\.\d+)?(?:[-–]\d+(?:\.\d+)?)?/g)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (/[\w./]$/.test(before)) continue; // inside a word, a link or a version ("2026.12.3")
    if (m[0] === "0-10") continue; // the pain and effort scale itself, "(0-10)"
    if (UNIT_AFTER.test(after) || MONTHS.test(after) || /^\s(and|to|or)\s\d/.test(after)) continue;
    if (NAME_BEFORE.test(before) || /\d\s(and|to|or)\s$/.test(before) || /\d{4}$/.test(m[0])) continue;
    out.push(`${m[0]} in "${text}"`);
  }
  return out;
}

type Found = { where: string; text: string };
const strings = (where: string, x: unknown, out: Found[], key = ""): Found[] => {
  // The exercise table's "Sets" and "Reps" columns head their numbers; links, contact details and
  // codes (paper, unit, light level, the review's suggestion kept for the audit) are not sentences.
  if (["sets", "reps", "link", "phone", "email", "paperSize", "units", "level", "suggestion", "rows"].includes(key)) return out;
  if (typeof x === "string") out.push({ where, text: x });
  else if (Array.isArray(x)) x.forEach((v) => strings(where, v, out));
  else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) strings(where, v, out, k);
  return out;
};

type CheckInCase = { id: string; input: unknown };
const enginePlans = vignettes.flatMap((v) => {
  const input = v.input as unknown as AssessmentInput;
  const e = evaluate(input);
  return e.plan ? [{ id: v.id, input, evaluation: e, content: fromEnginePlan(e.plan) }] : [];
});

function everythingThePatientReads(): Found[] {
  const out: Found[] = [];
  for (const p of enginePlans) {
    for (const units of ["km", "mi"] as const) {
      const report = sampleReportInput({ verdict: p.evaluation.verdict, units, usualWeek: usualWeekOf(p.input.load), content: p.content });
      strings(`plan of ${p.id} (${units})`, buildReportModel(report), out);
      strings(`plan of ${p.id}, no usual week`, buildReportModel({ ...report, usualWeek: null }), out);
    }
    const first = p.content.stages[0]!;
    strings(`position in ${p.id}`, positionText(p.content, { stageKey: first.key, startedOn: "2026-05-01", doseCutPct: 15, lastLighterWeekOn: "2026-05-08", baselinePainNrs: 3 }, "2026-05-14"), out);
    if (p.content.stages.length > 1) {
      const [a, b] = p.content.stages;
      const reasons = ["checkins.ready_to_progress", "checkins.red_light", "checkins.next_morning_pain_up"].map((ruleId) => ({ ruleId }) as never);
      strings(`change in ${p.id}`, changeWords({ content: p.content, fromStageKey: a!.key, toStageKey: b!.key, doseCutPct: 0, reasons }), out);
      strings(`change in ${p.id}`, changeWords({ content: p.content, fromStageKey: b!.key, toStageKey: b!.key, doseCutPct: 15, reasons: [] }), out);
    }
  }
  strings("paused plan", buildReportModel(samplePausedReportInput()), out);
  // The check-in feedback: each check-in vignette's review, told with an engine plan's own words and with none.
  for (const c of (checkinVignettes as { cases: CheckInCase[] }).cases) {
    const review = reviewCheckIns(checkInReviewInputSchema.parse(c.input));
    for (const p of [enginePlans[0]!, enginePlans.at(-1)!]) strings(`light for ${c.id}`, patientLightOf(review, p.content), out);
    strings(`light for ${c.id}, no plan`, patientLightOf(review, null), out);
  }
  strings("urgent", URGENT_WORDS, out);
  const contact = { clinicName: "Harbour Sports Physio", phone: "020 7946 0000", email: "hello@harbour.example" };
  for (const reason of ["urgent_referral", "referral_required"] as const) strings("withheld", withheldNotice(reason, contact), out);
  strings("finished", finishedNoticeParagraphs(finishedNotice(contact)), out);
  strings("check-in words", [ACTIVITY_WORDS, DONE_WORDS, MORNING_WORDS, SYMPTOM_WORDS], out);
  // Any library exercise can be added to a plan by the clinician, with its reps and how-to.
  strings("exercise library", EXERCISE_LIBRARY.map((e) => ({ name: e.name, howTo: e.howTo })), out);
  return out;
}

describe("the words a patient reads", () => {
  const all = everythingThePatientReads();

  it("covers every plan vignette, both units and the check-in vignettes", () => {
    expect(enginePlans.length).toBeGreaterThanOrEqual(8);
    expect(new Set(all.map((f) => f.where)).size).toBeGreaterThan(enginePlans.length * 3);
    expect(all.some((f) => / mi of running/.test(f.text))).toBe(true);
    expect(all.some((f) => /Red: that was too much/.test(f.text))).toBe(true);
  });

  it("use no clinician's words", () => {
    const hits = all.flatMap(({ where, text }) => CLINICIAN_WORDS.filter(([re]) => re.test(text)).map(([re, fix]) => `${where}: ${re} (${fix}) in "${text}"`));
    expect([...new Set(hits)]).toEqual([]);
  });

  it("give every number its unit or its name", () => {
    const bare = all.flatMap(({ where, text }) => bareNumbers(text).map((b) => `${where}: ${b}`));
    expect([...new Set(bare)]).toEqual([]);
  });

  it("the scans catch what they are for", () => {
    const caught = (t: string) => CLINICIAN_WORDS.some(([re]) => re.test(t));
    for (const t of ["a change under 6 reps is within measurement error", "LSI 85 %", "RPE 4", "cut the dose by 10 %", "high irritability", "capacity.calf_raise_below_target"]) expect(caught(t), t).toBe(true);
    for (const t of ["No intervals, hills, races or progression runs", "Up to 4 out of 10 (easy: you can talk in full sentences)"]) expect(caught(t), t).toBe(false);
    expect(bareNumbers("Aim for 8 hours of sleep or more, every night; you are averaging 7.5.")).toHaveLength(1);
    expect(bareNumbers("Pain 3/10, 20-40 min, Stage 2 of 4, week 5, about 30–48 km, 4 h 10 min, 14 May 2026")).toEqual([]);
  });
});
