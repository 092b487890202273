import { describe, expect, it } from "vitest";
import type { AssessmentInput, Plan } from "../contract";
import { evaluate } from "../engine";
import { reviewCheckIns } from "../checkins/review";
import type { CheckIn, CheckInReviewInput } from "../checkins/contract";
import { addDays } from "../checkins/dates";
import type { EngineSettings } from "../settings";
import { withChange } from "../test-fixtures";

// Issue 12: the plan's progress and regress sentences and the check-in review read the same
// settings. Change a setting and the sentences follow; feed the plan to the review with the same
// settings and it acts at exactly the numbers the patient was given.

const custom: Partial<EngineSettings> = {
  painGreenMax: 2,
  painAcceptableMax: 6,
  flareCutPct: { min: 15, max: 25 },
  noTolerableDoseFlares: 3,
  noTolerableDoseCutPct: 30,
  progressGreenSessions: 4,
};

/** A back-off plan on a flare (stages calm, rebuild, reload, return), with a short calf raise for a retest criterion. */
const flareInput = (): AssessmentInput =>
  withChange((i) => {
    i.symptoms!.painDuringActivityNrs = 7;
    i.capacityTests = [{ test: "single_leg_calf_raise", side: "left", value: 12 }];
  });

const text = (xs: readonly string[]) => xs.join(" ");
const TODAY = "2026-12-10";
const session = (daysAgo: number, extra: Partial<CheckIn> = {}): CheckIn => ({
  date: addDays(TODAY, -daysAgo),
  activity: "run",
  done: "as_planned",
  minutes: 30,
  painDuringNrs: 1,
  nextMorning: { comparedWithBefore: "same" },
  ...extra,
});
const reviewInput = (plan: Plan, stageKey: string, checkIns: CheckIn[], doseCutPct?: number): CheckInReviewInput => ({
  contractVersion: 1,
  today: TODAY,
  plan,
  stage: { key: stageKey, startedOn: addDays(TODAY, -15), ...(doseCutPct === undefined ? {} : { doseCutPct }) },
  baseline: { painNrs: 1 },
  checkIns,
});

describe("plan sentences come from the settings the review uses", () => {
  it("default settings: 5/10, 3/10, a 10-20 % cut, twice, 3 green sessions, retest", () => {
    const p = evaluate(flareInput()).plan!;
    const [calm, rebuild] = p.stages;
    expect(text(calm!.regressWhen)).toMatch(/above 5\/10/);
    expect(text(calm!.regressWhen)).toMatch(/doing 10-20 % less/);
    expect(text(calm!.regressWhen)).toMatch(/another 10-20 %/);
    expect(text(calm!.regressWhen)).toMatch(/twice in this stage after a 20 % cut/);
    expect(text(calm!.progressWhen)).toMatch(/at least 3 sessions where pain stays at 3\/10 or less/);
    expect(text(rebuild!.regressWhen)).toMatch(/drop back to the previous stage/);
    expect(text(rebuild!.progressWhen)).toMatch(/Single-leg calf raise: 30 reps or more on each side when your clinician tests it again/);
    const red = p.painRules.find((r) => r.level === "red")!;
    expect(red.when).toMatch(/above 5\/10/);
    expect(red.then).toMatch(/10-20 %/);
    expect(red.then).toMatch(/twice/);
  });

  it("changed settings change every sentence that carries them, and no default number is left behind", () => {
    const p = evaluate(flareInput(), custom).plan!;
    const all = text(p.stages.flatMap((s) => [...s.progressWhen, ...s.regressWhen]));
    expect(all).toMatch(/above 6\/10/);
    expect(all).toMatch(/doing 15-25 % less/);
    expect(all).toMatch(/3 times in this stage after a 30 % cut/);
    expect(all).toMatch(/at least 4 sessions where pain stays at 2\/10 or less/);
    for (const stale of [/5\/10/, /3\/10/, /10-20 %/, /twice/, /at least 3 sessions/]) expect(all).not.toMatch(stale);
    const [green, amber, red] = p.painRules;
    expect(green!.when).toMatch(/2\/10 or less/);
    expect(green!.then).toMatch(/^Carry on as planned\. 4 sessions/);
    expect(amber!.when).toMatch(/3-6\/10/);
    expect(red!.when).toMatch(/above 6\/10/);
    expect(red!.then).toMatch(/15-25 %/);
    expect(red!.then).toMatch(/3 times/);
  });

  it("every stage that trains states the review's flare rule: cut inside the stage first, step back only at a cut dose", () => {
    for (const mutate of [(i: AssessmentInput) => (i.symptoms!.painDuringActivityNrs = 4), (i: AssessmentInput) => (i.symptoms!.painDuringActivityNrs = 7), () => {}]) {
      const p = evaluate(withChange(mutate)).plan!;
      p.stages.forEach((s, i) => {
        expect(s.regressWhen[0]).toMatch(/stay in this stage, doing 10-20 % less of everything it sets/);
        expect(s.regressWhen[1]).toMatch(i === 0 ? /cut another 10-20 %/ : /after that cut: drop back to the previous stage/);
      });
    }
  });
});

describe("the review agrees with the plan it reads", () => {
  const plan = evaluate(flareInput(), custom).plan!;
  const review = (checkIns: CheckIn[], stageKey = "calm", doseCutPct?: number) => reviewCheckIns(reviewInput(plan, stageKey, checkIns, doseCutPct), custom);

  it("a session just above the plan's acceptable limit (6/10) is a red light: cut inside the stage by the plan's 15 %", () => {
    const r = review([session(5), session(3), session(2, { painDuringNrs: 7 })]);
    expect(r.suggestion).toBe("regress");
    expect(r.reasons[0]!.ruleId).toBe("checkins.red_light");
    expect(r.next).toEqual({ stageKey: "calm", doseCutPct: 15 });
  });

  it("a session at the limit (6/10) is amber, not a red light", () => {
    const r = review([session(5), session(3), session(2, { painDuringNrs: 6 })]);
    expect(r.suggestion).toBe("hold");
    expect(r.reasons.map((x) => x.ruleId)).toContain("checkins.amber");
    expect(r.reasons.map((x) => x.ruleId)).not.toContain("checkins.red_light");
  });

  it("a flare at an already cut dose steps back a stage, as the plan's second regress sentence says", () => {
    const r = review([session(5), session(3), session(2, { painDuringNrs: 7 })], "rebuild", 15);
    expect(plan.stages[1]!.regressWhen[1]).toMatch(/previous stage/);
    expect(r.next).toEqual({ stageKey: "calm" });
  });

  it("progress needs the plan's number of green sessions (4 here), and the retest criterion is seen as a retest", () => {
    const three = [session(6), session(4), session(2)];
    expect(review(three, "rebuild").suggestion).toBe("hold");
    const four = [...three, session(1)];
    const r = review(four, "rebuild");
    expect(r.suggestion).toBe("progress");
    expect(r.reasons[0]!.summary).toMatch(/after the retest/);
    expect(r.reasons[0]!.evidence).toMatchObject({ retestRequired: true });
  });
});
