import { describe, expect, it } from "vitest";
import type { AssessmentInput, Evaluation } from "./contract";
import { RED_FLAG_KEYS } from "./contract";
import { evaluate } from "./engine";
import { ruleset } from "./rules";
import { cleanRunner, withChange } from "./test-fixtures";

const ids = (e: Evaluation) => e.reasons.map((r) => r.ruleId);
const fired = (i: AssessmentInput, id: string) => ids(evaluate(i)).includes(id);
const reason = (i: AssessmentInput, id: string) => evaluate(i).reasons.find((r) => r.ruleId === id);

describe("baseline", () => {
  it("a fully answered, unremarkable runner gets push with nothing missing", () => {
    const e = evaluate(cleanRunner());
    expect(e.verdict).toBe("push");
    expect(e.missing).toEqual([]);
    expect(e.reasons.every((r) => r.verdict === "push")).toBe(true);
  });
  it("rule ids are unique and dotted by category", () => {
    const all = ruleset.map((r) => r.id);
    expect(new Set(all).size).toBe(all.length);
    for (const r of ruleset) expect(r.id.startsWith(`${r.category}.`)).toBe(true);
  });
});

describe("red flags", () => {
  const urgent = [
    "saddleAnaesthesia", "bladderOrBowelChange", "bilateralLegNeuroSymptoms", "progressiveWeakness",
    "calfSwellingRednessHeat", "chestPainOrBreathlessness",
  ] as const;
  for (const key of urgent) {
    it(`${key} alone → urgent_referral, no plan`, () => {
      const e = evaluate(withChange((i) => (i.redFlags![key] = true)));
      expect(e.verdict).toBe("urgent_referral");
      expect(e.plan).toBeNull();
      expect(e.reasons[0]!.category).toBe("red_flag");
    });
  }
  for (const key of ["historyOfCancer", "unexplainedWeightLoss", "significantTrauma", "feverOrUnwell"] as const) {
    it(`${key} alone → refer`, () => {
      expect(evaluate(withChange((i) => (i.redFlags![key] = true))).verdict).toBe("refer");
    });
  }
  it("fever with immunosuppression → urgent; immunosuppression alone is not a flag", () => {
    expect(evaluate(withChange((i) => Object.assign(i.redFlags!, { feverOrUnwell: true, immunosuppressionOrIvDrugUse: true }))).verdict).toBe("urgent_referral");
    expect(evaluate(withChange((i) => (i.redFlags!.immunosuppressionOrIvDrugUse = true))).verdict).toBe("push");
  });
  it("fever with immunosuppression unanswered → refer, and asks about immunosuppression", () => {
    const e = evaluate(withChange((i) => {
      i.redFlags!.feverOrUnwell = true;
      delete i.redFlags!.immunosuppressionOrIvDrugUse;
    }));
    expect(e.verdict).toBe("refer");
    expect(e.missing).toContain("redFlags.immunosuppressionOrIvDrugUse");
  });
  it("constant or night pain with a malignancy flag → refer with the combination reason", () => {
    const night = withChange((i) => {
      i.symptoms!.nightPain = true;
      i.redFlags!.unexplainedWeightLoss = true;
    });
    expect(fired(night, "red_flag.constant_pain_with_malignancy_flag")).toBe(true);
    expect(evaluate(night).verdict).toBe("refer");
    const constantOnly = withChange((i) => (i.redFlags!.constantNonMechanicalPain = true));
    expect(fired(constantOnly, "red_flag.constant_pain_with_malignancy_flag")).toBe(false);
  });
  it("osteoporosis/steroids + new spinal pain → refer; without spinal pain, no", () => {
    const spinal = withChange((i) => {
      i.redFlags!.osteoporosisOrLongTermSteroids = true;
      i.complaint = { region: "thoracic", onset: "gradual", daysSinceOnset: 10 };
    });
    expect(fired(spinal, "red_flag.fracture_risk_with_new_spinal_pain")).toBe(true);
    expect(evaluate(spinal).verdict).toBe("refer");
    const knee = withChange((i) => {
      i.redFlags!.osteoporosisOrLongTermSteroids = true;
      i.complaint = { region: "knee", onset: "gradual", daysSinceOnset: 10 };
    });
    expect(fired(knee, "red_flag.fracture_risk_with_new_spinal_pain")).toBe(false);
    const old = withChange((i) => {
      i.redFlags!.osteoporosisOrLongTermSteroids = true;
      i.complaint = { region: "lumbar", onset: "gradual", daysSinceOnset: 43 };
    });
    expect(fired(old, "red_flag.fracture_risk_with_new_spinal_pain")).toBe(false);
  });
  it("every unanswered red flag is listed as missing when it could change the verdict", () => {
    const e = evaluate(withChange((i) => delete i.redFlags));
    for (const k of RED_FLAG_KEYS) expect(e.missing).toContain(`redFlags.${k}`);
    expect(e.verdict).toBe("push");
  });
  it("an urgent verdict lists nothing missing (nothing can make it more cautious)", () => {
    const e = evaluate(withChange((i) => {
      delete i.symptoms;
      i.redFlags = { saddleAnaesthesia: true };
    }));
    expect(e.missing).toEqual([]);
  });
});

describe("neuro (P9)", () => {
  it("radiating below the knee + tingling → refer", () => {
    const e = evaluate(withChange((i) => Object.assign(i.symptoms!, { radiatingBelowKnee: true, tinglingOrNumbness: true })));
    expect(e.verdict).toBe("refer");
    expect(e.reasons[0]!.ruleId).toBe("neuro.radiating_with_tingling");
  });
  it("one sign alone → modify", () => {
    expect(evaluate(withChange((i) => (i.symptoms!.radiatingBelowKnee = true))).verdict).toBe("modify");
    expect(evaluate(withChange((i) => (i.symptoms!.tinglingOrNumbness = true))).verdict).toBe("modify");
  });
});

describe("symptoms: pain thresholds (Silbernagel 2007, P8)", () => {
  const withPain = (p: number) => withChange((i) => (i.symptoms!.painDuringActivityNrs = p));
  it("3 → push (green), 4 → modify", () => {
    expect(evaluate(withPain(3)).verdict).toBe("push");
    expect(fired(withPain(3), "symptoms.activity_pain_green")).toBe(true);
    expect(evaluate(withPain(4)).verdict).toBe("modify");
    expect(fired(withPain(4), "symptoms.activity_pain_acceptable")).toBe(true);
  });
  it("5 → modify, 6 → back_off", () => {
    expect(evaluate(withPain(5)).verdict).toBe("modify");
    expect(evaluate(withPain(6)).verdict).toBe("back_off");
    expect(fired(withPain(6), "symptoms.activity_pain_too_high")).toBe(true);
  });
  it("clinic settings move the thresholds", () => {
    expect(evaluate(withPain(4), { painGreenMax: 4 }).verdict).toBe("push");
  });
  it("next morning worse (24-hour rule, P2) → back_off", () => {
    expect(evaluate(withChange((i) => (i.symptoms!.nextDayResponse = "worse"))).verdict).toBe("back_off");
  });
  it("worsening week to week → refer", () => {
    expect(evaluate(withChange((i) => (i.symptoms!.trend = "worsening"))).verdict).toBe("refer");
  });
  it("no tolerable dose → refer", () => {
    expect(evaluate(withChange((i) => (i.symptoms!.noTolerableDoseFound = true))).verdict).toBe("refer");
  });
  it("sharp pain, soreness > 48 h, altered movement → back_off; stiffness, night pain → modify", () => {
    for (const k of ["sharpPain", "sorenessOver48h", "alteredMovement"] as const) {
      expect(evaluate(withChange((i) => (i.symptoms![k] = true))).verdict).toBe("back_off");
    }
    for (const k of ["stiffnessNotEasing", "nightPain"] as const) {
      expect(evaluate(withChange((i) => (i.symptoms![k] = true))).verdict).toBe("modify");
    }
  });
  it("a complaint with activity pain unanswered is not cleared (modify) and asks for the pain score", () => {
    const e = evaluate(withChange((i) => {
      i.complaint = { region: "knee", onset: "gradual", daysSinceOnset: 20 };
      delete i.symptoms!.painDuringActivityNrs;
    }));
    expect(e.verdict).toBe("modify");
    expect(ids(e)).toContain("symptoms.complaint_not_cleared");
    expect(e.missing).toContain("symptoms.painDuringActivityNrs");
  });
  it("a complaint with mild pain but no trend or next-day answer is not cleared", () => {
    const e = evaluate(withChange((i) => {
      i.complaint = { region: "knee", onset: "gradual", daysSinceOnset: 20 };
      i.symptoms!.painDuringActivityNrs = 2;
      delete i.symptoms!.trend;
      delete i.symptoms!.nextDayResponse;
    }));
    expect(e.verdict).toBe("modify");
  });
  it("B3: back pain returning for 6+ weeks with recovery in place → refer; at 41 days, not", () => {
    const mk = (days: number) =>
      withChange((i) => {
        i.complaint = { region: "lumbar", onset: "gradual", daysSinceOnset: days };
        i.symptoms!.painDuringActivityNrs = 4;
      });
    expect(fired(mk(42), "symptoms.back_pain_returning_despite_recovery")).toBe(true);
    expect(evaluate(mk(42)).verdict).toBe("refer");
    expect(fired(mk(41), "symptoms.back_pain_returning_despite_recovery")).toBe(false);
  });
});

describe("acute (A1)", () => {
  const acute = (days: number, extra: Partial<NonNullable<AssessmentInput["symptoms"]>> = {}) =>
    withChange((i) => {
      i.complaint = { region: "lumbar", onset: "acute", daysSinceOnset: days };
      Object.assign(i.symptoms!, { painDuringActivityNrs: 2 }, extra);
    });
  it("recent and protective (cannot bend forward) → back_off", () => {
    expect(evaluate(acute(2, { cannotBendForward: true })).verdict).toBe("back_off");
  });
  it("pain now 6 → protective; 5 → only recent onset (modify)", () => {
    expect(fired(acute(3, { painNowNrs: 6 }), "acute.protective_state")).toBe(true);
    expect(fired(acute(3, { painNowNrs: 5 }), "acute.protective_state")).toBe(false);
    expect(evaluate(acute(3, { painNowNrs: 5 })).verdict).toBe("modify");
  });
  it("day 14 is recent, day 15 is not", () => {
    expect(fired(acute(14), "acute.recent_onset")).toBe(true);
    expect(fired(acute(15), "acute.recent_onset")).toBe(false);
  });
  it("protective signs unanswered are asked for", () => {
    const e = evaluate(withChange((i) => {
      i.complaint = { region: "lumbar", onset: "acute", daysSinceOnset: 2 };
      i.symptoms = { painDuringActivityNrs: 2, trend: "stable" };
    }));
    expect(e.missing).toEqual(expect.arrayContaining(["symptoms.cannotBendForward", "symptoms.painNowNrs"]));
  });
});

describe("capacity (C1)", () => {
  const calf = (left: number, right: number) =>
    withChange((i) => {
      i.capacityTests = [
        { test: "single_leg_calf_raise", side: "left", value: left },
        { test: "single_leg_calf_raise", side: "right", value: right },
      ];
    });
  it("30 each side meets the running target; 29 does not (modify, within error)", () => {
    expect(fired(calf(30, 30), "capacity.calf_raise_below_target")).toBe(false);
    const r = reason(calf(29, 30), "capacity.calf_raise_below_target");
    expect(r?.verdict).toBe("modify");
  });
  it("a shortfall of 20 % or more with a knee complaint backs off running (24 vs 25 reps); pain-free and away from a complaint it modifies", () => {
    const knee = (l: number, r: number) =>
      withChange((i) => {
        i.complaint = { region: "knee", onset: "gradual", daysSinceOnset: 30 };
        i.symptoms!.painDuringActivityNrs = 2;
      }, calf(l, r));
    expect(reason(knee(24, 30), "capacity.calf_raise_below_target")?.verdict).toBe("back_off");
    expect(reason(knee(25, 30), "capacity.calf_raise_below_target")?.verdict).toBe("modify");
    expect(reason(calf(24, 30), "capacity.calf_raise_below_target")?.verdict).toBe("modify");
  });
  it("a lifter's target is 20 (a lifter who does not run)", () => {
    const lifter = (n: number) =>
      withChange((i) => {
        i.sport.primary = "lifting";
        delete i.load!.runKmPerWeekNow;
        delete i.load!.runKmPerWeekUsual;
      }, calf(n, n));
    expect(fired(lifter(20), "capacity.calf_raise_below_target")).toBe(false);
    expect(reason(lifter(10), "capacity.calf_raise_below_target")?.verdict).toBe("modify");
  });
  it("settings override the running target", () => {
    expect(evaluate(calf(26, 26), { calfRaiseTargetRunning: 25 }).reasons.some((r) => r.category === "capacity")).toBe(false);
  });
  it("LSI 90 % passes, 89.x % fails", () => {
    const hop = (l: number, r: number) => withChange((i) => (i.capacityTests = [
      { test: "single_leg_hop_distance", side: "left", value: l },
      { test: "single_leg_hop_distance", side: "right", value: r },
    ]));
    expect(fired(hop(90, 100), "capacity.asymmetry_below_lsi_bar")).toBe(false);
    expect(fired(hop(89, 100), "capacity.asymmetry_below_lsi_bar")).toBe(true);
  });
  it("a runner with no calf raise recorded is asked for capacity tests only when it could matter", () => {
    const e = evaluate(withChange((i) => delete i.capacityTests));
    expect(e.missing).toContain("capacityTests");
  });
  it("a painful test (> 5/10) → modify", () => {
    const i = withChange((x) => (x.capacityTests![0]!.painNrs = 6));
    expect(fired(i, "capacity.test_painful")).toBe(true);
    expect(fired(withChange((x) => (x.capacityTests![0]!.painNrs = 5)), "capacity.test_painful")).toBe(false);
  });
});

describe("load", () => {
  const hours = (now: number, usual: number) => withChange((i) => Object.assign(i.load!, { hoursPerWeekNow: now, hoursPerWeekUsual: usual }));
  const km = (now: number, usual: number) => withChange((i) => Object.assign(i.load!, { runKmPerWeekNow: now, runKmPerWeekUsual: usual }));
  it("hours ratio 1.3 → nothing, 1.31 → modify, 1.49 → modify, 1.5 → back_off (L1, Gabbett)", () => {
    expect(evaluate(hours(13, 10)).verdict).toBe("push");
    expect(evaluate(hours(13.1, 10)).verdict).toBe("modify");
    expect(evaluate(hours(14.9, 10)).verdict).toBe("modify");
    expect(evaluate(hours(15, 10)).verdict).toBe("back_off");
    expect(fired(hours(12, 4), "load.hours_ratio_high")).toBe(true);
  });
  it("running km: 30 % rise → nothing, 31 % → modify (Nielsen), 1.5 → back_off", () => {
    expect(evaluate(km(39, 30)).verdict).toBe("push");
    expect(fired(km(39.3, 30), "load.run_km_progression_over_30pct")).toBe(true);
    expect(evaluate(km(44.9, 30)).verdict).toBe("modify");
    expect(evaluate(km(45, 30)).verdict).toBe("back_off");
  });
  it("usual 0 gives no ratio and no load reason", () => {
    expect(evaluate(hours(5, 0)).reasons.some((r) => r.category === "load")).toBe(false);
  });
  it("L2: load rise with a sign of too much → back_off", () => {
    const i = withChange((x) => (x.recovery!.sleepHoursAvg = 6.5), hours(14, 10));
    expect(fired(i, "load.too_much_too_soon")).toBe(true);
    expect(evaluate(i).verdict).toBe("back_off");
  });
  it("deload overdue: 6 weeks fine, 7 → modify (F4)", () => {
    const w = (n: number) => withChange((i) => (i.load!.weeksSinceDeload = n));
    expect(evaluate(w(6)).verdict).toBe("push");
    expect(evaluate(w(7)).verdict).toBe("modify");
  });
  it("a lifter is not asked for running km", () => {
    const e = evaluate(withChange((i) => {
      i.sport.primary = "lifting";
      delete i.load!.runKmPerWeekNow;
      delete i.load!.runKmPerWeekUsual;
    }));
    expect(e.missing.filter((m) => m.startsWith("load.runKm"))).toEqual([]);
  });
});

describe("recovery and fatigue", () => {
  it("sleep 7.9 h → advisory reason (push), 8 → none (R1)", () => {
    const s = (h: number) => withChange((i) => (i.recovery!.sleepHoursAvg = h));
    expect(reason(s(7.9), "recovery.fundamentals_unmet")?.verdict).toBe("push");
    expect(evaluate(s(7.9)).verdict).toBe("push");
    expect(evaluate(s(7.9)).plan?.advice?.some((a) => a.includes("8 hours"))).toBe(true);
    expect(fired(s(8), "recovery.fundamentals_unmet")).toBe(false);
  });
  it("resting HR +4 for 3 days → not a sign; +5 for 2 days → one sign (modify); +5 for 1 day → not", () => {
    const hr = (delta: number, days: number) =>
      withChange((i) => Object.assign(i.recovery!, { restingHrNow: 50 + delta, restingHrElevatedDays: days }));
    expect(fired(hr(4, 3), "fatigue.overreaching_signs")).toBe(false);
    const r = reason(hr(5, 2), "fatigue.overreaching_signs");
    expect(r?.verdict).toBe("modify");
    expect((r?.evidence.signs as string[])).toContain("restingHrElevated");
    expect(fired(hr(5, 1), "fatigue.overreaching_signs")).toBe(false);
  });
  it("two overreaching signs → back_off (F2)", () => {
    const i = withChange((x) => Object.assign(x.recovery!, { sleepQualityDeclined: true, performanceDeclining: true }));
    expect(reason(i, "fatigue.overreaching_signs")?.verdict).toBe("back_off");
  });
  it("single-session low motivation is not a sign; multi-day is", () => {
    expect(fired(withChange((x) => (x.recovery!.motivationLow = "single_session")), "fatigue.overreaching_signs")).toBe(false);
    expect(fired(withChange((x) => (x.recovery!.motivationLow = "multi_day")), "fatigue.overreaching_signs")).toBe(true);
  });
  it("multi-day fatigue with stalled weights → back_off; weights moving → modify (F1)", () => {
    const f = (moving: boolean) => withChange((x) => (x.fatigue = { pattern: "multi_day", weightsMovingNormally: moving }));
    expect(evaluate(f(false)).verdict).toBe("back_off");
    expect(evaluate(f(true)).verdict).toBe("modify");
  });
  it("F3: session-specific, weights moving, motivational, no joint pain → push reason", () => {
    const i = withChange((x) => {
      x.fatigue = { pattern: "session_specific", weightsMovingNormally: true, reluctanceMainlyMotivational: true };
      x.recovery!.motivationLow = "single_session";
    });
    const e = evaluate(i);
    expect(e.verdict).toBe("push");
    expect(e.reasons.find((r) => r.ruleId === "fatigue.session_specific_push")?.category).toBe("fatigue");
    expect(e.plan?.stages[0]?.intensityAllowed).toBe(true);
    const sore = withChange((x) => (x.recovery!.persistentJointSoreness = true), i);
    expect(fired(sore, "fatigue.session_specific_push")).toBe(false);
  });
  it("B1: back pain with short sleep → modify", () => {
    const i = withChange((x) => {
      x.complaint = { region: "lumbar", onset: "gradual", daysSinceOnset: 10 };
      x.symptoms!.painDuringActivityNrs = 2;
      x.recovery!.sleepHoursAvg = 6;
    });
    expect(fired(i, "recovery.back_pain_with_poor_recovery")).toBe(true);
    expect(evaluate(i).verdict).toBe("modify");
  });
});
