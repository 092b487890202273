import { capacityCatalogue, type CatalogueEntry } from "./capacity/catalogue";
import { checkInRules as defaultCheckInRules, type CheckInRule } from "./checkins/rules";
import { CHECKIN_RULESET_VERSION } from "./checkins/version";
import { REASON_CATEGORIES } from "./contract";
import type { Rule } from "./rules/types";
import { defaultEngineSettings, type EngineSettings } from "./settings";
import { planElements, traceability, type PlanElement, type TraceEntry } from "./traceability";
import { RULESET_VERSION } from "./version";

// Renders docs/clinical-rules.md from the ruleset itself, so the document cannot drift from the
// code (scripts/generate-rules-doc.ts writes it; `--check` and a test fail when it is stale).

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

const CATEGORY_TITLES: Record<(typeof REASON_CATEGORIES)[number], string> = {
  red_flag: "Red flags",
  neuro: "Neurological signs",
  acute: "Acute injury",
  symptoms: "Symptom response",
  capacity: "Capacity",
  load: "Training load",
  recovery: "Recovery",
  fatigue: "Fatigue and overreaching",
};

/** Choices the engine makes where the source articles or reference figures leave room. */
export const INTERPRETATIONS: readonly string[] = [
  "C1: a calf-raise shortfall of 20 % or more of the target backs off a running sport; a smaller one (within about the test's ±6-rep error) only modifies. Other sports use the 20-rep battery figure and modify.",
  "F2 vs S2: a single overreaching sign (including falling performance) modifies; several together back off, as seed 001 says 'several'.",
  "F3: 'no joint pain' means no joint soreness between sessions and, if a complaint is recorded, 0/10 during activity.",
  "F5: training age shifts the deload cadence (advanced or elite 4-5 weeks, beginners 5-6) and adds advice; it does not move verdict thresholds.",
  "R1: unmet recovery fundamentals are advisory (`push`) on their own; they raise the verdict through L2 (with a load rise) and B1 (with back pain).",
  "B3: 'pain keeps returning' is read as back pain for 6+ weeks, not improving, activity pain above 3/10, with sleep, food, water and stress all in order.",
  "L1/L2 and the acute:chronic ratio: with usual load 0 no ratio is computed. Running km are not asked of non-running sports; hours are not asked of runners whose km are known.",
  "Acute (A1): recent means within 14 days; highly sensitive means cannot bend forward, altered movement, pain now ≥ 6/10 or worst 24 h ≥ 7/10 (clinical conventions, clinic-editable).",
  "Night pain alone modifies (watch with safety-netting); with a malignancy flag it refers.",
  "trainingHoursPct and runVolumePct are percentages of the usual (4-week) figure, as the contract states.",
];

export type RulesDocInput = {
  ruleset: readonly Rule[];
  catalogue?: readonly CatalogueEntry[];
  trace?: readonly TraceEntry[];
  elements?: readonly PlanElement[];
  settings?: Readonly<EngineSettings>;
  version?: string;
  /** The check-in review rules (their own contract and version, ADR 0012). */
  checkInRules?: readonly CheckInRule[];
  checkInVersion?: string;
};

/** Choices the check-in review makes where checkins.md leaves room. */
export const CHECKIN_INTERPRETATIONS: readonly string[] = [
  "`next.doseCutPct` is the stage's cumulative cut (the same meaning as `stage.doseCutPct` in the input): one flare adds the smaller cut (10 %), a severe or repeated one (pain during at the acceptable limit + 2 or more, or two flares in the week) the larger (20 %), never above 50 % in all.",
  "\"A second flare at the cut dose\" is a flare while `stage.doseCutPct` is above 0 (an approved change restarts `stage.startedOn`): it steps back a stage; in the first stage it cuts further instead.",
  "`next` for hold and seek care is the same stage and dose; urgent care has no `next` (emergency care, not a plan change).",
  "Red-light, amber, next-morning and stiffness signals are read on every check-in of the window, skipped ones included (a reported symptom counts even when the session was skipped); session counts and green sessions read sessions done or shortened.",
  "New symptoms are read on every check-in, whatever its date. The latest check-in's unanswered urgent items are listed in `missing` while the suggestion is below urgent care.",
  "A session whose 24-hour check was never answered (from two days after it) holds (`checkins.next_morning_unanswered`): unknown is never fine.",
  "A progress criterion naming a retest or \"N or more on each side\" is a capacity retest: progress is then suggested as \"progress after the retest\".",
  "Adherence is done ÷ logged over the stage's check-ins.",
];

export function renderRulesDoc(input: RulesDocInput | readonly Rule[]): string {
  const opts: RulesDocInput = Array.isArray(input) ? { ruleset: input as readonly Rule[] } : (input as RulesDocInput);
  const rules = opts.ruleset;
  const catalogue = opts.catalogue ?? capacityCatalogue;
  const trace = opts.trace ?? traceability;
  const elements = opts.elements ?? planElements;
  const settings = opts.settings ?? defaultEngineSettings;
  const version = opts.version ?? RULESET_VERSION;

  const out: string[] = [];
  out.push("# Clinical rules");
  out.push("");
  out.push("<!-- Generated by `npm run rules:doc` from lib/clinical. Do not edit by hand. -->");
  out.push("");
  out.push(`Ruleset version: **${version}** · ${rules.length} rules · assessment contract v1`);
  out.push("");
  out.push("How the engine decides:");
  out.push("");
  out.push("- The verdict is the most cautious verdict among the rules that fired (push < modify < back_off < refer < urgent_referral). If nothing fires, the verdict is `push`.");
  out.push("- A missing answer is unknown, never \"no\": it neither fires nor clears a rule. A rule that cannot decide reports the missing paths; those that could make the verdict more cautious are listed in `missing`.");
  out.push("- With a complaint recorded, full training is only cleared when activity pain is known and known not to be rising (`symptoms.complaint_not_cleared`).");
  out.push("- Advisory rules ask for `push`: they add plan advice and never raise the verdict.");
  out.push("- `urgent_referral` has no plan; every other verdict has a staged plan with a deload every 4-6 weeks.");
  out.push("- The red-flag screen is listed in full: every unasked `redFlags.*` item appears in `missing` unless the verdict is already `urgent_referral`.");
  out.push("");
  out.push("Interpretations (where the sources leave room):");
  out.push("");
  for (const line of INTERPRETATIONS) out.push(`- ${line}`);
  out.push("");

  for (const cat of REASON_CATEGORIES) {
    const inCat = rules.filter((r) => r.category === cat);
    if (inCat.length === 0) continue;
    out.push(`## ${CATEGORY_TITLES[cat]}`);
    out.push("");
    out.push("| id | category | verdict | what fires it | reads | source |");
    out.push("|---|---|---|---|---|---|");
    for (const r of inCat) {
      out.push(
        `| \`${r.id}\` | ${r.category} | ${r.verdict} | ${cell(r.description)} | ${r.reads.map((p) => `\`${p}\``).join(", ")} | ${cell(r.source)}${r.rulesRef ? ` [${r.rulesRef}]` : ""} |`,
      );
    }
    out.push("");
  }

  out.push("## Source rules C1..P9: where each one lives");
  out.push("");
  out.push("| rule | gist | ruleset entries | plan elements |");
  out.push("|---|---|---|---|");
  for (const t of trace) {
    const ids = t.ruleIds.length ? t.ruleIds.map((i) => `\`${i}\``).join(", ") : "—";
    const els = t.planElementIds.length ? t.planElementIds.map((i) => `\`${i}\``).join(", ") : "—";
    out.push(`| ${t.ref} | ${cell(t.gist)} | ${ids} | ${els} |`);
  }
  out.push("");

  out.push("## Plan elements");
  out.push("");
  out.push("| id | rules | where | what it does |");
  out.push("|---|---|---|---|");
  for (const e of elements) out.push(`| \`${e.id}\` | ${e.rulesRefs.join(", ")} | ${cell(e.where)} | ${cell(e.description)} |`);
  out.push("");

  out.push("## Capacity catalogue");
  out.push("");
  out.push("| test | unit | per side | target | measurement error | how to | source |");
  out.push("|---|---|---|---|---|---|---|");
  for (const e of catalogue) {
    out.push(
      `| \`${e.test}\` (${e.label}) | ${e.unit} | ${e.perSide ? "yes" : "no"} | ${cell(e.targetNote)} | ${e.measurementError !== undefined ? `±${e.measurementError} ${e.unit}` : "—"} | ${cell(e.howTo)} | ${cell(e.source)} |`,
    );
  }
  out.push("");
  out.push("Scoring: LSI = weaker ÷ stronger × 100 (1 dp). A test meets its target when every measured side reaches the target and LSI ≥ the symmetry bar. Tests with no absolute figure use 90 % of the stronger side as the target (`targetKind: \"symmetry\"`); a single value with no figure is reported but not judged (`targetKind: \"none\"`). Unknown test names are scored the same way. Repeated attempts: the best value counts.");
  out.push("");
  for (const e of catalogue) {
    if (!e.norms) continue;
    out.push(`Population reference for \`${e.test}\`: ${e.norms.note}`);
    out.push("");
    out.push("| age | men | women |");
    out.push("|---|---|---|");
    for (const b of e.norms.bands) out.push(`| ${b.ageFrom}-${b.ageTo} | ${b.male} | ${b.female} |`);
    out.push("");
  }

  const checkIns = opts.checkInRules ?? defaultCheckInRules;
  out.push("## Check-in review (check-in contract v1)");
  out.push("");
  out.push(`Check-in ruleset version: **${opts.checkInVersion ?? CHECKIN_RULESET_VERSION}** · ${checkIns.length} rules · its own contract and version (ADR 0012)`);
  out.push("");
  out.push("- The suggestion is the most cautious among the rules that fired (progress < hold < regress < seek_care < urgent_care); reasons are listed most cautious first. Progress needs every other rule silent.");
  out.push("- Windows count back from `today` (day 0): the last 7 days are days 0-6; the weeks for worst pain are days 0-6, 7-13 and 14-20; the last 30 days are days 0-29. Single-session rules read the stage's sessions in the last 7 days, stage counts every check-in since `stage.startedOn`; sessions before the stage count only for data days, the week-to-week trend and new symptoms.");
  out.push("- A session's 24-hour check is awaited until the end of the following day, then unanswered; neither is ever read as fine.");
  out.push(`- Pain limits are the same settings the plan's traffic light prints: green up to \`painGreenMax\` (${settings.painGreenMax}/10), acceptable up to \`painAcceptableMax\` (${settings.painAcceptableMax}/10).`);
  out.push("");
  out.push("Interpretations:");
  out.push("");
  for (const line of CHECKIN_INTERPRETATIONS) out.push(`- ${line}`);
  out.push("");
  out.push("| id | suggestion | what fires it | reads | source |");
  out.push("|---|---|---|---|---|");
  for (const r of checkIns) {
    out.push(`| \`${r.id}\` | ${r.suggestion} | ${cell(r.description)} | ${r.reads.map((p) => `\`${p}\``).join(", ")} | ${cell(r.source)}${r.rulesRef ? ` [${r.rulesRef}]` : ""} |`);
  }
  out.push("");

  out.push("## Default settings (clinic-editable)");
  out.push("");
  out.push("| setting | default |");
  out.push("|---|---|");
  for (const [k, v] of Object.entries(settings)) out.push(`| \`${k}\` | ${cell(JSON.stringify(v))} |`);
  out.push("");
  return out.join("\n");
}
