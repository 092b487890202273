import { describe, expect, it } from "vitest";
import { ruleset } from "../rules";
import { renderRulesDoc } from "../rules-doc";
import { checkInRules } from "./rules";
import { CHECKIN_RULESET_VERSION } from "./version";

describe("the generated rules document's check-in section", () => {
  const doc = renderRulesDoc({ ruleset });
  it("names the check-in ruleset version and every check-in rule with its suggestion and source", () => {
    expect(doc).toContain("## Check-in review (check-in contract v1)");
    expect(doc).toContain(CHECKIN_RULESET_VERSION);
    for (const r of checkInRules) expect(doc).toContain(`| \`${r.id}\` | ${r.suggestion} |`);
  });
  it("lists the review's clinic-editable thresholds among the default settings", () => {
    for (const k of ["progressGreenSessions", "reviewMinSessionsLast7Days", "flareCutPct", "painMeaningfulChangeNrs", "noTolerableDoseCutPct"]) expect(doc).toContain(`\`${k}\``);
  });
});
