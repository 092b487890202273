import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LightPanel } from "@/components/checkins/light-panel";
import { PlanReport } from "@/components/plan/plan-report";
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
import { bareNumbers, CLINICIAN_WORDS, clinicianWordsIn } from "@/tests/support/patient-words";
import { buildReportModel } from "./report-model";
import { samplePausedReportInput, sampleReportInput } from "./sample";

// Everything the patient reads that the app writes (their page, the PDF, the check-in feedback),
// produced for every assessment vignette and every check-in vignette, scanned for words only a
// clinician uses and for numbers that do not say what they count. A new template or exercise
// with "dose" or "within measurement error" in it fails here, not in a patient's hands.

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
    const hits = all.flatMap(({ where, text }) => clinicianWordsIn(where, text));
    expect([...new Set(hits)]).toEqual([]);
  });

  it("the patient's page, its own labels included, uses none either", () => {
    // The page as the server sends it, tags stripped: the plan of every vignette and every light.
    const text = (html: string) => html.replace(/<[^>]+>/g, "\n").replace(/&[a-z#0-9]+;/g, " ");
    const pages = enginePlans.map((p) => ({
      where: `page of ${p.id}`,
      html: renderToStaticMarkup(createElement(PlanReport, { model: buildReportModel(sampleReportInput({ verdict: p.evaluation.verdict, usualWeek: usualWeekOf(p.input.load), content: p.content })), pdfHref: "/p/x/pdf" })),
    }));
    for (const c of (checkinVignettes as { cases: CheckInCase[] }).cases) {
      const light = patientLightOf(reviewCheckIns(checkInReviewInputSchema.parse(c.input)), enginePlans[0]!.content);
      pages.push({ where: `light for ${c.id}`, html: renderToStaticMarkup(createElement(LightPanel, { light })) });
    }
    expect(pages.some((p) => p.html.includes("How much"))).toBe(true);
    const hits = pages.flatMap(({ where, html }) => text(html).split("\n").flatMap((line) => clinicianWordsIn(where, line)));
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
