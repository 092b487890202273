import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RED_FLAG_KEYS, verdictRank, type AssessmentInput, type Evaluation, type RedFlagKey } from "./contract";
import { evaluate } from "./engine";
import { cleanRunner, withChange } from "./test-fixtures";
import { checkInvariants, checkVignette } from "./vignette-check";

// Issue 11 ("Clinical safety", engine points) and the issue 12 correction. Every test here was
// run against the 2026.11.1 engine first and failed there; the point number is in each title.

const ids = (e: Evaluation) => e.reasons.map((r) => r.ruleId);
const reason = (e: Evaluation, id: string) => e.reasons.find((r) => r.ruleId === id);
const first = (e: Evaluation) => e.plan!.stages[0]!;

const lumbarRunner = (extra: (i: AssessmentInput) => void = () => {}) =>
  withChange((i) => {
    i.complaint = { region: "lumbar", onset: "gradual", daysSinceOnset: 10 };
    extra(i);
  });

describe("point 0: red-flag items deliberately not asked", () => {
  const notAsked = (keys: RedFlagKey[], reason = "phone triage; could not examine") =>
    withChange((i) => {
      for (const k of keys) delete i.redFlags![k];
      i.redFlagsNotAsked = { keys, reason };
    });

  it("P0 not-asked items modify (never push), name the items and the reason, and leave missing", () => {
    const e = evaluate(notAsked(["saddleAnaesthesia", "bladderOrBowelChange"]));
    expect(e.verdict).toBe("modify");
    const r = reason(e, "red_flag.screen_not_asked");
    expect(r?.category).toBe("red_flag");
    expect(r?.verdict).toBe("modify");
    expect(r?.evidence).toMatchObject({ keys: ["saddleAnaesthesia", "bladderOrBowelChange"], reason: "phone triage; could not examine" });
    expect(r?.summary).toMatch(/saddle/i);
    expect(r?.summary).toMatch(/phone triage/);
    expect(e.missing).not.toContain("redFlags.saddleAnaesthesia");
    expect(e.missing).not.toContain("redFlags.bladderOrBowelChange");
  });
  it("P0 truly unanswered red flags are still listed in missing", () => {
    const e = evaluate(withChange((i) => {
      delete i.redFlags!.saddleAnaesthesia;
      delete i.redFlags!.feverOrUnwell;
      i.redFlagsNotAsked = { keys: ["saddleAnaesthesia"], reason: "declined to answer" };
    }));
    expect(e.missing).toContain("redFlags.feverOrUnwell");
    expect(e.missing).not.toContain("redFlags.saddleAnaesthesia");
  });
  it("P0 a listed key answered true decides by its own rule instead", () => {
    const e = evaluate(withChange((i) => {
      i.redFlags!.saddleAnaesthesia = true;
      i.redFlagsNotAsked = { keys: ["saddleAnaesthesia"], reason: "noted by mistake" };
    }));
    expect(e.verdict).toBe("urgent_referral");
    expect(ids(e)).not.toContain("red_flag.screen_not_asked");
  });
  it("P0 property: listing any not-asked keys never gives push, never lowers the verdict, never lists them as missing", () => {
    fc.assert(
      fc.property(fc.subarray([...RED_FLAG_KEYS], { minLength: 1 }), fc.boolean(), (keys, answerRest) => {
        const base = withChange((i) => {
          for (const k of keys) delete i.redFlags![k];
          if (!answerRest) delete i.symptoms!.trend;
        });
        const withList = withChange((i) => (i.redFlagsNotAsked = { keys, reason: "not examined" }), base);
        const e = evaluate(withList);
        expect(e.verdict).not.toBe("push");
        expect(verdictRank(e.verdict)).toBeGreaterThanOrEqual(verdictRank(evaluate(base).verdict));
        for (const k of keys) expect(e.missing).not.toContain(`redFlags.${k}`);
        expect(checkInvariants(e)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("point 1: refer reasons that pause all loading", () => {
  const cases: [string, (i: AssessmentInput) => void][] = [
    ["fever", (i) => (i.redFlags!.feverOrUnwell = true)],
    ["significant trauma", (i) => (i.redFlags!.significantTrauma = true)],
    ["osteoporosis with new spinal pain", (i) => {
      i.redFlags!.osteoporosisOrLongTermSteroids = true;
      i.complaint = { region: "thoracic", onset: "gradual", daysSinceOnset: 7 };
      i.symptoms!.painDuringActivityNrs = 3;
    }],
  ];
  for (const [name, change] of cases) {
    it(`P1 ${name}: one paused stage, no running, hours, strength or intensity; walking only`, () => {
      const e = evaluate(withChange(change));
      expect(e.verdict).toBe("refer");
      expect(e.plan!.stages).toHaveLength(1);
      const s = first(e);
      expect(s.pauseUntilCleared).toBe(true);
      expect(s.runVolumePct).toBeUndefined();
      expect(s.trainingHoursPct).toBeUndefined();
      expect(s.longRunKmMax).toBeUndefined();
      expect(s.strength).toEqual([]);
      expect(s.intensityAllowed).toBe(false);
      expect(s.maxEffortRpe).toBeLessThanOrEqual(2);
      for (const c of s.crossTraining) expect(c).toMatch(/walk/i);
      expect(s.progressWhen.join(" ")).toMatch(/doctor|medical/i);
      expect(checkVignette(e, { noLoading: true, verdict: "refer" })).toEqual([]);
      expect(e.plan!.advice?.join(" ")).toMatch(/rest/i);
      expect(e.plan!.advice?.join(" ") ?? "").not.toMatch(/see how it goes/);
      expect(e.plan!.painRules.map((r) => r.then).join(" ")).not.toMatch(/next stage/);
    });
  }
  it("P1 other refer reasons keep a reduced hold plan (not paused)", () => {
    const e = evaluate(withChange((i) => (i.symptoms!.trend = "worsening")));
    expect(first(e).pauseUntilCleared).toBeUndefined();
    expect(first(e).trainingHoursPct).toBeDefined();
  });
  it("P1 vignette checker: noLoading is checked strictly", () => {
    const loaded = evaluate(withChange((i) => (i.symptoms!.painDuringActivityNrs = 7)));
    expect(checkVignette(loaded, { noLoading: true }).length).toBeGreaterThan(0);
    expect(checkVignette(loaded, { noLoading: false })).toEqual([]);
    const urgent = evaluate(withChange((i) => (i.redFlags!.saddleAnaesthesia = true)));
    expect(checkVignette(urgent, { noLoading: true })).toEqual([]);
    expect(() => checkVignette(urgent, { noLoading: "yes" })).toThrow();
  });
});

describe("point 3: constant non-mechanical pain", () => {
  it("P3 alone modifies with safety-netting", () => {
    const e = evaluate(withChange((i) => (i.redFlags!.constantNonMechanicalPain = true)));
    expect(e.verdict).toBe("modify");
    expect(ids(e)).toContain("red_flag.constant_non_mechanical_pain");
  });
  it("P3 with another red flag (even one that alone does not refer) refers", () => {
    const e = evaluate(withChange((i) => Object.assign(i.redFlags!, { constantNonMechanicalPain: true, immunosuppressionOrIvDrugUse: true })));
    expect(e.verdict).toBe("refer");
    expect(ids(e)).toContain("red_flag.constant_pain_with_other_flag");
  });
});

describe("point 4: possible metastatic spinal cord compression", () => {
  const mscc = (sign: (i: AssessmentInput) => void) =>
    lumbarRunner((i) => {
      i.redFlags!.historyOfCancer = true;
      i.symptoms!.painDuringActivityNrs = 3;
      sign(i);
    });
  it("P4 cancer history + new spinal pain + tingling → urgent_referral, no plan", () => {
    const e = evaluate(mscc((i) => (i.symptoms!.tinglingOrNumbness = true)));
    expect(e.verdict).toBe("urgent_referral");
    expect(e.plan).toBeNull();
    expect(ids(e)).toContain("red_flag.possible_cord_compression");
  });
  it("P4 pain down the leg counts as a neurological sign; a neck complaint with arm tingling too", () => {
    expect(evaluate(mscc((i) => (i.symptoms!.radiatingBelowKnee = true))).verdict).toBe("urgent_referral");
    expect(evaluate(mscc((i) => {
      i.complaint = { region: "neck", onset: "gradual", daysSinceOnset: 5 };
      i.symptoms!.tinglingOrNumbness = true;
    })).verdict).toBe("urgent_referral");
  });
  it("P4 boundary: without a neurological sign it stays refer; old spinal pain (43 days) too", () => {
    expect(evaluate(mscc(() => {})).verdict).toBe("refer");
    expect(evaluate(mscc((i) => {
      i.symptoms!.tinglingOrNumbness = true;
      i.complaint!.daysSinceOnset = 43;
    })).verdict).not.toBe("urgent_referral");
  });
  it("P4 unanswered neurological signs are asked for", () => {
    const e = evaluate(mscc((i) => delete i.symptoms!.tinglingOrNumbness));
    expect(e.missing).toContain("symptoms.tinglingOrNumbness");
  });
});

describe("point 5: the protective state and irritability", () => {
  const acuteBack = (days: number, extra: Partial<NonNullable<AssessmentInput["symptoms"]>>) =>
    lumbarRunner((i) => {
      i.complaint!.onset = "acute";
      i.complaint!.daysSinceOnset = days;
      Object.assign(i.symptoms!, { painDuringActivityNrs: 2 }, extra);
    });
  it("P5 cannot bend forward on day 20 after an acute tweak still backs off (the state, not the day count)", () => {
    const e = evaluate(acuteBack(20, { cannotBendForward: true }));
    expect(e.verdict).toBe("back_off");
    expect(ids(e)).toContain("acute.protective_state");
  });
  it("P5 very high pain now or worst 24 h backs off in any complaint; just below does not", () => {
    const knee = (now: number, worst: number) =>
      withChange((i) => {
        i.complaint = { region: "knee", onset: "gradual", daysSinceOnset: 60 };
        Object.assign(i.symptoms!, { painNowNrs: now, painWorst24hNrs: worst, painDuringActivityNrs: 2 });
      });
    expect(evaluate(knee(7, 7)).verdict).toBe("back_off");
    expect(ids(evaluate(knee(7, 7)))).toContain("symptoms.high_irritability");
    expect(evaluate(knee(2, 8)).verdict).toBe("back_off");
    expect(evaluate(knee(6, 7)).verdict).toBe("push");
  });
});

describe("point 6: neurological signs in the arm", () => {
  it("P6 neck complaint with tingling or numbness into the arm refers, like the leg", () => {
    const e = evaluate(withChange((i) => {
      i.complaint = { region: "neck", onset: "gradual", daysSinceOnset: 20 };
      i.symptoms!.tinglingOrNumbness = true;
      i.symptoms!.painDuringActivityNrs = 2;
    }));
    expect(e.verdict).toBe("refer");
    expect(reason(e, "neuro.arm_symptoms_with_tingling")?.category).toBe("neuro");
  });
});

describe("point 7: calf capacity by sport, size and symptoms", () => {
  const calf = (sport: AssessmentInput["sport"]["primary"], left: number, right: number, extra: (i: AssessmentInput) => void = () => {}) =>
    withChange((i) => {
      i.sport.primary = sport;
      i.capacityTests = [
        { test: "single_leg_calf_raise", side: "left", value: left },
        { test: "single_leg_calf_raise", side: "right", value: right },
      ];
      extra(i);
    });
  it("P7 CrossFit at 5 of 20 reps backs off and says the shortfall honestly", () => {
    const r = reason(evaluate(calf("crossfit", 5, 5)), "capacity.calf_raise_below_target")!;
    expect(r.verdict).toBe("back_off");
    expect(r.summary).not.toMatch(/a little short/);
    expect(r.summary).toMatch(/75 %/);
  });
  it("P7 HYROX and team sport too; a lifter who does not run or jump only modifies", () => {
    expect(reason(evaluate(calf("hyrox", 8, 8)), "capacity.calf_raise_below_target")?.verdict).toBe("back_off");
    expect(reason(evaluate(calf("lifting", 5, 5, (i) => {
      delete i.load!.runKmPerWeekNow;
      delete i.load!.runKmPerWeekUsual;
    })), "capacity.calf_raise_below_target")?.verdict).toBe("modify");
  });
  it("P7 a moderate, pain-free shortfall away from the complaint modifies; in the loaded area it backs off", () => {
    // 21 of 30 = 30 % short: moderate.
    expect(reason(evaluate(calf("running", 21, 21)), "capacity.calf_raise_below_target")?.verdict).toBe("modify");
    expect(reason(evaluate(calf("running", 21, 21, (i) => {
      i.complaint = { region: "shoulder", onset: "gradual", daysSinceOnset: 30 };
      i.symptoms!.painDuringActivityNrs = 2;
    })), "capacity.calf_raise_below_target")?.verdict).toBe("modify");
    expect(reason(evaluate(calf("running", 21, 21, (i) => {
      i.complaint = { region: "knee", onset: "gradual", daysSinceOnset: 30 };
      i.symptoms!.painDuringActivityNrs = 2;
    })), "capacity.calf_raise_below_target")?.verdict).toBe("back_off");
    expect(reason(evaluate(calf("running", 21, 21, (i) => (i.capacityTests![0]!.painNrs = 4))), "capacity.calf_raise_below_target")?.verdict).toBe("back_off");
  });
  it("P7 boundary: half the target or less backs off even without symptoms (15 of 30), 16 modifies", () => {
    expect(reason(evaluate(calf("running", 15, 15)), "capacity.calf_raise_below_target")?.verdict).toBe("back_off");
    expect(reason(evaluate(calf("running", 16, 16)), "capacity.calf_raise_below_target")?.verdict).toBe("modify");
  });
});

describe("point 8: pain in a capacity test", () => {
  it("P8 test pain above 5/10 backs off, like session pain", () => {
    const e = evaluate(withChange((x) => (x.capacityTests![0]!.painNrs = 6)));
    expect(reason(e, "capacity.test_painful")?.verdict).toBe("back_off");
    expect(e.verdict).toBe("back_off");
  });
});

describe("point 9: load from nothing", () => {
  const fromZero = (now: number) => withChange((i) => Object.assign(i.load!, { hoursPerWeekNow: now, hoursPerWeekUsual: 0 }));
  it("P9 0 → 10 h a week is flagged (back_off) against the starting dose", () => {
    const e = evaluate(fromZero(10));
    expect(e.verdict).toBe("back_off");
    expect(reason(e, "load.start_from_zero")?.evidence).toMatchObject({ startingDoseHoursPerWeek: 4 });
  });
  it("P9 boundary: a start within the starting dose is fine; a little above modifies", () => {
    expect(evaluate(fromZero(4)).verdict).toBe("push");
    expect(reason(evaluate(fromZero(5.5)), "load.start_from_zero")?.verdict).toBe("modify");
    expect(reason(evaluate(fromZero(6)), "load.start_from_zero")?.verdict).toBe("back_off");
  });
  it("P9 running from 0 km is rated too", () => {
    const e = evaluate(withChange((i) => Object.assign(i.load!, { runKmPerWeekNow: 30, runKmPerWeekUsual: 0 })));
    expect(reason(e, "load.start_from_zero")?.verdict).toBe("back_off");
  });
});

describe("point 10: the plans themselves", () => {
  it("P10 a runner with a back complaint and a push verdict runs easy only in stage 1 (P1)", () => {
    const e = evaluate(lumbarRunner((i) => (i.symptoms!.painDuringActivityNrs = 2)));
    expect(e.verdict).toBe("push");
    expect(first(e).intensityAllowed).toBe(false);
    expect(first(e).maxEffortRpe).toBeLessThanOrEqual(4);
    expect(e.plan!.stages.some((s) => s.intensityAllowed)).toBe(true);
  });
  it("P10 the modify plan reloads between RPE 6 without intensity and full training", () => {
    const p = evaluate(withChange((i) => (i.symptoms!.painDuringActivityNrs = 4))).plan!;
    expect(p.stages.map((s) => s.key)).toEqual(["settle", "rebuild", "reload", "return"]);
    for (let k = 1; k < p.stages.length; k++) {
      expect(p.stages[k]!.maxEffortRpe - p.stages[k - 1]!.maxEffortRpe).toBeLessThanOrEqual(2);
    }
  });
  it("P10 the flare stage starts at 60-80 % (P3) and the next cut is in regressWhen", () => {
    const s = first(evaluate(withChange((i) => (i.symptoms!.painDuringActivityNrs = 7))));
    expect(s.runVolumePct).toEqual({ min: 60, max: 80 });
    expect(s.regressWhen.join(" ")).toMatch(/10-20 %/);
  });
  it("P10 an advanced athlete's deload is overdue after 5 weeks (their 4-5 week cadence)", () => {
    const adv = (w: number) => withChange((i) => {
      i.sport.trainingAgeYears = 8;
      i.load!.weeksSinceDeload = w;
    });
    expect(ids(evaluate(adv(6)))).toContain("load.deload_overdue");
    expect(ids(evaluate(adv(5)))).not.toContain("load.deload_overdue");
  });
});

describe("point 11: words the patient reads", () => {
  it("P11 a leg or foot getting weaker is a same-day matter", () => {
    const care = evaluate(lumbarRunner((i) => (i.symptoms!.painDuringActivityNrs = 2))).plan!.seekCareIf;
    const weak = care.find((c) => /weak/i.test(c));
    expect(weak).toMatch(/same day|same-day/i);
  });
  it("P11 calf swelling, redness or warmth (any one) is a same-day check, also for lumbar cases", () => {
    const care = evaluate(lumbarRunner((i) => (i.symptoms!.painDuringActivityNrs = 2))).plan!.seekCareIf;
    const calf = care.find((c) => /calf/i.test(c));
    expect(calf).toBeDefined();
    expect(calf).toMatch(/red or warm|redness or warmth/i);
    expect(calf).toMatch(/same-day|same day/i);
  });
  it("P11 'start the session and see how it goes' only in push or modify plans", () => {
    const beginner = (change: (i: AssessmentInput) => void) => withChange((i) => {
      i.sport.trainingAgeYears = 1;
      change(i);
    });
    const text = (i: AssessmentInput) => evaluate(i).plan!.advice?.join(" ") ?? "";
    expect(text(beginner(() => {}))).toMatch(/see how it goes/);
    expect(text(beginner((i) => (i.symptoms!.painDuringActivityNrs = 7)))).not.toMatch(/see how it goes/);
    expect(text(beginner((i) => (i.symptoms!.trend = "worsening")))).not.toMatch(/see how it goes/);
  });
});

describe("point 12 (issue 12): overreaching signs", () => {
  const signs = (s: Partial<NonNullable<AssessmentInput["recovery"]>>) =>
    withChange((i) => Object.assign(i.recovery!, s));
  it("P12 sleep and motivation alone (two subjective signs) modify", () => {
    const r = reason(evaluate(signs({ sleepQualityDeclined: true, motivationLow: "multi_day" })), "fatigue.overreaching_signs");
    expect(r?.verdict).toBe("modify");
  });
  it("P12 two signs with one objective back off; three subjective-or-not back off", () => {
    expect(reason(evaluate(signs({ sleepQualityDeclined: true, persistentJointSoreness: true })), "fatigue.overreaching_signs")?.verdict).toBe("back_off");
    expect(reason(evaluate(signs({ motivationLow: "multi_day", restingHrNow: 56, restingHrElevatedDays: 3 })), "fatigue.overreaching_signs")?.verdict).toBe("back_off");
    expect(reason(evaluate(signs({ sleepQualityDeclined: true, motivationLow: "multi_day", performanceDeclining: true })), "fatigue.overreaching_signs")?.verdict).toBe("back_off");
  });
});

describe("ruleset version", () => {
  it("is 2026.12.3 and every evaluation carries it", () => {
    expect(evaluate(cleanRunner()).rulesetVersion).toBe("2026.12.3");
  });
});
