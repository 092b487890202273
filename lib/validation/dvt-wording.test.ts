import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/clinical";
import { checkInRules } from "@/lib/clinical/checkins/rules";
import { RED_FLAG_LABELS, redFlagRules } from "@/lib/clinical/rules/red-flags";
import { cleanRunner, withChange } from "@/lib/clinical/test-fixtures";
import { RED_FLAG_ITEMS } from "./assessment";

// Possible DVT: any one of calf swelling, redness or warmth is enough (the engine treats the item
// as one yes/no). Every place a clinician or patient reads it says so the same way.

const ANY_ONE = /swelling, redness or warmth/i;

describe("DVT wording: calf swelling, redness or warmth (any one)", () => {
  it("the intake's red-flag question", () => {
    const label = RED_FLAG_ITEMS.find(([k]) => k === "calfSwellingRednessHeat")![1];
    expect(label).toMatch(ANY_ONE);
    expect(label).toMatch(/any one/i);
    expect(label).not.toMatch(/ and /);
  });

  it("the engine's red-flag label and the rule's reason", () => {
    expect(RED_FLAG_LABELS.calfSwellingRednessHeat).toMatch(ANY_ONE);
    const rule = redFlagRules.find((r) => r.id === "red_flag.possible_dvt")!;
    const e = evaluate(withChange((i) => (i.redFlags!.calfSwellingRednessHeat = true)));
    expect(e.verdict).toBe("urgent_referral");
    const reason = e.reasons.find((r) => r.ruleId === rule.id)!;
    expect(reason.summary).toMatch(/red or warm \(any one\)/);
  });

  it("the patient's seek-care guidance and the check-in review", () => {
    const calf = evaluate(cleanRunner()).plan!.seekCareIf.find((t) => /calf/i.test(t))!;
    expect(calf).toMatch(ANY_ONE);
    expect(calf).toMatch(/any one/i);
    expect(checkInRules.find((r) => r.id === "checkins.urgent_symptom")!.description).toMatch(ANY_ONE);
  });
});
