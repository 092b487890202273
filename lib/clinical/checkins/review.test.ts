import { describe, expect, it } from "vitest";
import { defaultEngineSettings } from "../settings";
import { addDays } from "./dates";
import { reviewCheckIns } from "./review";
import { checkInRules } from "./rules";
import { green, greenWeek, input, plan, TODAY } from "./test-helpers";
import { checkCheckInInvariants } from "./vignette-check";
import { CHECKIN_RULESET_VERSION } from "./version";

// Boundaries at every threshold and window edge (checkins.md "Windows" and the rule table).

const review = (...args: Parameters<typeof reviewCheckIns>) => {
  const r = reviewCheckIns(...args);
  expect(checkCheckInInvariants(r)).toEqual([]);
  return r;
};
const ids = (r: ReturnType<typeof reviewCheckIns>) => r.reasons.map((x) => x.ruleId);
const LONG = 20; // a stage begun long enough ago that its minimum length is done (weeks.min = 1)

describe("rule entries", () => {
  it("have unique stable ids, a suggestion, a source and a description", () => {
    const seen = new Set<string>();
    for (const r of checkInRules) {
      expect(r.id).toMatch(/^checkins\.[a-z0-9_]+$/);
      expect(seen.has(r.id)).toBe(false);
      seen.add(r.id);
      expect(r.source.length).toBeGreaterThan(5);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.reads.length).toBeGreaterThan(0);
    }
  });
  it("the review carries its own ruleset version", () => {
    expect(review(input(greenWeek())).rulesetVersion).toBe(CHECKIN_RULESET_VERSION);
  });
});

describe("the green week", () => {
  it("progresses to the next stage", () => {
    const r = review(input(greenWeek()));
    expect(r.suggestion).toBe("progress");
    expect(r.next).toEqual({ stageKey: "rebuild" });
    expect(ids(r)).toEqual(["checkins.ready_to_progress"]);
  });
});

describe("pain limits (painGreenMax 3, painAcceptableMax 5 by default)", () => {
  const at = (p: number) => review(input([green(6), green(5), green(3), green(1, { painDuringNrs: p })]));
  it("3/10 is green, 4 and 5 amber (hold), 6 red (regress)", () => {
    expect(at(3).suggestion).toBe("progress");
    expect(at(4).suggestion).toBe("hold");
    expect(ids(at(4))).toContain("checkins.amber");
    expect(at(5).suggestion).toBe("hold");
    expect(at(6).suggestion).toBe("regress");
    expect(ids(at(6))).toContain("checkins.red_light");
  });
  it("the clinic's limits move the bands", () => {
    const s = { painGreenMax: 2, painAcceptableMax: 4 };
    const r3 = review(input([green(6), green(5), green(3), green(1, { painDuringNrs: 3 })]), s);
    expect(r3.suggestion).toBe("hold");
    const r5 = review(input([green(6), green(5), green(3), green(1, { painDuringNrs: 5 })]), s);
    expect(r5.suggestion).toBe("regress");
  });
  it("sharp pain, altered movement and a worse morning are each the red light", () => {
    for (const extra of [{ sharpPain: true }, { alteredMovement: true }, { nextMorning: { comparedWithBefore: "worse" as const } }]) {
      expect(review(input([green(6), green(5), green(3), green(1, extra)])).suggestion).toBe("regress");
    }
  });
});

describe("the last 7 days: today and the six days before", () => {
  const flareAt = (d: number) => review(input([green(d, { painDuringNrs: 7 }), ...greenWeek().slice(1)], { stageDaysAgo: LONG }));
  it("a flare 6 days ago is read by the red light; 7 days ago it is not", () => {
    expect(flareAt(6).suggestion).toBe("regress");
    const r = flareAt(7);
    expect(ids(r)).not.toContain("checkins.red_light");
    expect(r.stats.flaresInStage).toBe(1); // still counted over the stage
  });
  it("sessionsLast7Days counts days 0-6, done or shortened, not skipped", () => {
    const r = review(input([green(7), green(6), green(0, { done: "shortened" }), green(2, { done: "skipped" })]));
    expect(r.stats.sessionsLast7Days).toBe(2);
  });
});

describe("too little data: fewer than 3 sessions in the last 7 days", () => {
  it("2 sessions hold, 3 green sessions progress", () => {
    expect(ids(review(input([green(5), green(1)])))).toContain("checkins.too_little_data");
    expect(review(input([green(5), green(3), green(1)])).suggestion).toBe("progress");
  });
  it("sessions needed and green sessions needed come from settings", () => {
    const s = { reviewMinSessionsLast7Days: 2, progressGreenSessions: 2 };
    expect(review(input([green(5), green(1)]), s).suggestion).toBe("progress");
    expect(review(input([green(5), green(3), green(1)]), { progressGreenSessions: 4 }).suggestion).toBe("hold");
  });
  it("sessions logged but not green (no pain score) hold on too few green", () => {
    const r = review(input([green(5), green(3), green(1, { painDuringNrs: undefined })]));
    expect(r.suggestion).toBe("hold");
    expect(ids(r)).toContain("checkins.too_few_green");
  });
});

describe("the 24-hour check: awaited until the end of the following day, then unanswered", () => {
  const without = (d: number) => review(input([green(6), green(5), green(3), green(d, { nextMorning: undefined })]));
  it("a session today or yesterday is awaited: hold, listed in missing", () => {
    for (const d of [0, 1]) {
      const r = without(d);
      expect(r.suggestion).toBe("hold");
      expect(ids(r)).toContain("checkins.awaiting_24h");
      expect(r.missing).toContain("checkIns.3.nextMorning");
    }
  });
  it("from two days after it is unanswered: unknown, never fine (no progress, listed in missing)", () => {
    const r = without(2);
    expect(ids(r)).not.toContain("checkins.awaiting_24h");
    expect(ids(r)).toContain("checkins.next_morning_unanswered");
    expect(r.suggestion).toBe("hold");
    expect(r.missing).toContain("checkIns.3.nextMorning");
    expect(r.stats.greenSessionsInStage).toBe(3);
  });
  it("a skipped session needs no 24-hour check", () => {
    const r = review(input([...greenWeek(), green(0, { done: "skipped", nextMorning: undefined, painDuringNrs: undefined })]));
    expect(r.suggestion).toBe("progress");
  });
});

describe("the stage's minimum length (weeks.min × 7 days)", () => {
  it("6 days into a one-week stage holds; 7 days progresses", () => {
    const six = review(input(greenWeek().slice(1).concat(green(4)), { stageDaysAgo: 6 }));
    expect(six.suggestion).toBe("hold");
    expect(ids(six)).toContain("checkins.stage_too_short");
    expect(review(input(greenWeek(), { stageDaysAgo: 7 })).suggestion).toBe("progress");
  });
  it("a two-week stage needs 14 days", () => {
    const p = plan({ weeksMin: [2, 2, 2, 1] });
    expect(review(input(greenWeek(), { stageDaysAgo: 13, plan: p })).suggestion).toBe("hold");
    expect(review(input(greenWeek(), { stageDaysAgo: 14, plan: p })).suggestion).toBe("progress");
  });
  it("daysInStage never goes negative", () => {
    expect(review(input([], { stageDaysAgo: -3 })).stats.daysInStage).toBe(0);
  });
});

describe("sessions before the stage began", () => {
  it("do not count for single-session rules or stage counts, but do for data days, the trend and new symptoms", () => {
    const r = review(input([green(6, { painDuringNrs: 8 }), green(4), green(3), green(2), green(1)], { stageDaysAgo: 5, plan: plan({ weeksMin: [0, 1, 1, 1] }) }));
    expect(ids(r)).not.toContain("checkins.red_light");
    expect(r.stats.flaresInStage).toBe(0);
    expect(r.stats.dataDaysLast30).toBe(5);
    expect(r.suggestion).toBe("progress");
    const u = review(input([green(6, { newSymptoms: { feverOrUnwell: true } }), green(4), green(3), green(1)], { stageDaysAgo: 5 }));
    expect(u.suggestion).toBe("seek_care");
  });
});

describe("dataDaysLast30: distinct days with any check-in in days 0-29", () => {
  it("counts day 29, not day 30, and a day once", () => {
    const r = review(input([green(30), green(29), green(29, { activity: "strength" }), green(0, { done: "skipped" })]));
    expect(r.stats.dataDaysLast30).toBe(2);
  });
});

describe("worse week to week: worst pain by week (days 0-6, 7-13, 14-20)", () => {
  const weeks = (d0: number, d1: number, d2: number, p: [number, number, number] = [5, 3, 1]) =>
    review(input([green(d2, { painDuringNrs: p[2] }), green(d1, { painDuringNrs: p[1] }), green(d0, { painDuringNrs: p[0] })], { stageDaysAgo: 30 }));
  it("fires when each week's worst rose by 2 or more", () => {
    const r = weeks(0, 7, 14);
    expect(r.suggestion).toBe("seek_care");
    expect(ids(r)[0]).toBe("checkins.worse_week_to_week");
    expect(weeks(6, 13, 20).suggestion).toBe("seek_care");
  });
  it("a rise of 1 in either week does not fire", () => {
    expect(ids(weeks(0, 7, 14, [5, 4, 2]))).not.toContain("checkins.worse_week_to_week");
    expect(ids(weeks(0, 7, 14, [5, 3, 2]))).not.toContain("checkins.worse_week_to_week");
  });
  it("week edges: a session on day 6 is this week, day 7 last week, day 21 outside", () => {
    expect(ids(weeks(0, 6, 14))).not.toContain("checkins.worse_week_to_week"); // weeks 0, 0, 2: no week 1
    expect(ids(weeks(0, 13, 21))).not.toContain("checkins.worse_week_to_week"); // no week 2
  });
  it("skipped sessions do not count for a week's worst pain", () => {
    const r = review(input([green(14, { painDuringNrs: 1 }), green(7, { painDuringNrs: 3 }), green(0, { painDuringNrs: 5 }), green(8, { painDuringNrs: 9, done: "skipped" })], { stageDaysAgo: 30 }));
    expect(ids(r)).toContain("checkins.worse_week_to_week");
  });
});

describe("next-morning pain up: 2 or more above the stage's baseline", () => {
  const morning = (p: number, base: number | null = 1) =>
    review({ ...input([green(6), green(5), green(3), green(1, { nextMorning: { comparedWithBefore: "same", painNrs: p } })]), baseline: base === null ? undefined : { painNrs: base } });
  it("+1 is fine, +2 regresses even with \"same\" ticked", () => {
    expect(morning(2).suggestion).toBe("progress");
    const r = morning(3);
    expect(r.suggestion).toBe("regress");
    expect(ids(r)).toContain("checkins.next_morning_pain_up");
  });
  it("without a baseline the baseline is asked for", () => {
    const r = morning(6, null);
    expect(r.suggestion).toBe("progress");
    expect(r.missing).toContain("baseline.painNrs");
  });
});

describe("stiffness over 30 minutes on two or more mornings", () => {
  const stiff = (n: number) =>
    review(input(greenWeek().map((c, i) => (i < n ? { ...c, nextMorning: { comparedWithBefore: "same" as const, stiffnessOver30Min: true } } : c))));
  it("one morning is fine, two hold", () => {
    expect(stiff(1).suggestion).toBe("progress");
    expect(stiff(2).suggestion).toBe("hold");
    expect(ids(stiff(2))).toContain("checkins.stiffness_lingers");
  });
});

describe("regress: the dose cut", () => {
  const flare = (o: Parameters<typeof input>[1] = {}, pain = 6) => review(input([green(6), green(5), green(3), green(1, { painDuringNrs: pain })], o));
  it("one flare cuts 10 % inside the stage; a severe one 20 %", () => {
    expect(flare().next).toEqual({ stageKey: "reduce", doseCutPct: 10 });
    expect(flare({}, 7).next).toEqual({ stageKey: "reduce", doseCutPct: 20 });
  });
  it("the cut is cumulative and never above 50 %", () => {
    expect(flare({ doseCutPct: 20 }).next).toEqual({ stageKey: "reduce", doseCutPct: 30 });
    expect(flare({ doseCutPct: 45 }).next).toEqual({ stageKey: "reduce", doseCutPct: 50 });
    expect(flare({ doseCutPct: 50 }).next).toEqual({ stageKey: "reduce", doseCutPct: 50 });
  });
  it("a flare at an already cut dose in a later stage steps back a stage", () => {
    expect(flare({ stageKey: "reload", doseCutPct: 10 }).next).toEqual({ stageKey: "rebuild" });
    expect(flare({ stageKey: "reload" }).next).toEqual({ stageKey: "reload", doseCutPct: 10 });
  });
  it("the cut size comes from settings", () => {
    expect(review(input([green(6), green(5), green(3), green(1, { painDuringNrs: 6 })]), { flareCutPct: { min: 15, max: 25 } }).next).toEqual({ stageKey: "reduce", doseCutPct: 15 });
  });
});

describe("no tolerable dose: 2 flares in the stage after a cut of 20 % or more", () => {
  const two = (cut: number, flares = 2) =>
    review(input([green(12, { painDuringNrs: flares >= 2 ? 7 : 1 }), green(6), green(3), green(1, { sharpPain: true })], { stageDaysAgo: 14, doseCutPct: cut }));
  it("cut 19 % regresses; cut 20 % seeks care", () => {
    expect(two(19).suggestion).toBe("regress");
    expect(two(20).suggestion).toBe("seek_care");
    expect(ids(two(20))[0]).toBe("checkins.no_tolerable_dose");
  });
  it("one flare at a 20 % cut regresses", () => {
    expect(two(20, 1).suggestion).toBe("regress");
  });
});

describe("lighter week due: weeks since the last one reach deloadEveryWeeks.max", () => {
  it("41 days holds nothing back; 42 days (6 weeks) is due", () => {
    expect(review(input(greenWeek(), { lastLighterWeekOn: addDays(TODAY, -41) })).suggestion).toBe("progress");
    const r = review(input(greenWeek(), { lastLighterWeekOn: addDays(TODAY, -42) }));
    expect(r.suggestion).toBe("hold");
    expect(ids(r)).toEqual(["checkins.lighter_week_due"]);
  });
  it("with none recorded, weeks count from the stage's start", () => {
    const p = plan({ weeksMin: [1, 2, 2, 1] });
    expect(ids(review(input(greenWeek(), { stageDaysAgo: 41, plan: p })))).not.toContain("checkins.lighter_week_due");
    expect(ids(review(input(greenWeek(), { stageDaysAgo: 42, plan: p })))).toContain("checkins.lighter_week_due");
  });
});

describe("urgent and seek-care symptoms", () => {
  for (const k of ["saddleNumbness", "bladderOrBowelChange", "bothLegs", "calfSwellingRednessHeat", "chestPainOrBreathlessness"] as const) {
    it(`${k} on any check-in is urgent care, with no plan change`, () => {
      const r = review(input([green(25, { newSymptoms: { [k]: true } }), ...greenWeek()]));
      expect(r.suggestion).toBe("urgent_care");
      expect(r.next).toBeUndefined();
      expect(r.reasons[0]!.ruleId).toBe("checkins.urgent_symptom");
    });
  }
  it("tingling down the leg and fever seek care, on the same stage", () => {
    const t = review(input([...greenWeek().slice(0, 3), green(1, { newSymptoms: { tinglingOrNumbnessDownLeg: true } })]));
    expect([t.suggestion, t.next]).toEqual(["seek_care", { stageKey: "reduce" }]);
    expect(review(input([...greenWeek().slice(0, 3), green(1, { newSymptoms: { feverOrUnwell: true } })])).suggestion).toBe("seek_care");
  });
  it("a symptom answered false does not fire, and the latest check-in's unanswered ones are listed", () => {
    const r = review(input([...greenWeek().slice(0, 3), green(1, { newSymptoms: { saddleNumbness: false, tinglingOrNumbnessDownLeg: false } })]));
    expect(r.suggestion).toBe("progress");
    expect(r.missing).not.toContain("checkIns.3.newSymptoms.saddleNumbness");
    expect(r.missing).toContain("checkIns.3.newSymptoms.bothLegs");
  });
});

describe("paused until cleared, the last stage, and a capacity retest", () => {
  it("a paused stage holds, never progresses, and stays on the stage", () => {
    const r = review(input(greenWeek(), { plan: plan({ pause: true }) }));
    expect(r.suggestion).toBe("hold");
    expect(ids(r)).toContain("checkins.paused_until_cleared");
    expect(r.next).toEqual({ stageKey: "reduce" });
  });
  it("the last stage holds and keeps the lighter-week rhythm", () => {
    const r = review(input(greenWeek(), { stageKey: "return" }));
    expect(r.suggestion).toBe("hold");
    expect(ids(r)).toEqual(["checkins.last_stage_maintain"]);
  });
  it("a stage with a capacity criterion progresses only after the retest", () => {
    const p = plan({ progressWhen: ["A full week at this stage with pain at 3/10 or less.", "Single-leg calf raise: 30 reps or more on each side."] });
    const r = review(input(greenWeek(), { plan: p }));
    expect(r.suggestion).toBe("progress");
    expect(r.reasons[0]!.summary).toMatch(/after the retest/);
    expect(r.reasons[0]!.evidence).toMatchObject({ retestRequired: true });
  });
});

describe("stats and ordering", () => {
  it("adherence: done ÷ logged in the stage, skipped counts against", () => {
    const r = review(input([...greenWeek(), green(2, { done: "skipped" })]));
    expect(r.stats.adherencePct).toBe(80);
    expect(review(input([])).stats.adherencePct).toBeUndefined();
  });
  it("reasons run most cautious first; the suggestion is the first reason's", () => {
    const r = review(input([green(6, { painDuringNrs: 4 }), green(3, { painDuringNrs: 7 }), green(1, { newSymptoms: { tinglingOrNumbnessDownLeg: true } })]));
    expect(r.suggestion).toBe("seek_care");
    expect(r.reasons.map((x) => x.suggestion)).toEqual(["seek_care", "regress", "hold", "hold"]);
  });
  it("defaults match the cited settings", () => {
    expect(defaultEngineSettings).toMatchObject({ painGreenMax: 3, painAcceptableMax: 5, progressGreenSessions: 3, reviewMinSessionsLast7Days: 3, flareCutPct: { min: 10, max: 20 } });
  });
});
