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
  "C1: the calf raise is graded in every sport that runs or jumps (running, HYROX, hybrid, team sport, CrossFit, or any recorded running km): a shortfall under 20 % of the target (about the test's ±6-rep error) modifies; 50 % or more (less than half the target) backs off; in between it backs off when the loaded area is symptomatic (a knee, shin, calf/Achilles or foot/ankle complaint, or test pain above 3/10) and otherwise modifies (build strength while training continues). Test pain counts only when recorded. Sports that neither run nor jump modify. Targets are unchanged: 30 reps for running sports, 20 for others (CrossFit keeps 20).",
  "P8 in testing: pain above 5/10 during a capacity test backs off, the same tier as the same pain in a session (one threshold, one tier).",
  "F2 and S3: three or more overreaching signs back off; two back off when at least one is objective (resting heart rate up on consecutive days, performance or bar speed falling, joint soreness between sessions); sleep and motivation alone, or a single sign, modify. Seed 001's 'several' is read as three, and S3 treats mood, sleep and motivation as a recovery flag.",
  "F3: 'no joint pain' means no joint soreness between sessions and, if a complaint is recorded, 0/10 during activity.",
  "F5: training age shifts the deload cadence (advanced or elite 4-5 weeks, beginners 5-6) and adds advice; `load.deload_overdue` uses the same cadence, so an advanced athlete is overdue after 5 weeks. It does not move other verdict thresholds.",
  "R1: unmet recovery fundamentals are advisory (`push`) on their own; they raise the verdict through L2 (with a load rise) and B1 (with back pain).",
  "B3: 'pain keeps returning' is read as back pain for 6+ weeks, not improving, activity pain above 3/10, with sleep, food, water and stress all in order.",
  "L1/L2 and the acute:chronic ratio: with usual load 0 no ratio is computed; instead the week is compared with a starting dose (4 h of training, after seed 000's 4 h/week base; 10 km of running, a practice convention) using the same bands: above 1.3 × modifies, 1.5 × or more backs off. Running km are not asked of non-running sports; hours are not asked of runners whose km are known.",
  "Acute (A1): the protective state counts on any day after an acute onset (it is the state that matters, not the day count): cannot bend forward, altered movement, pain now ≥ 6/10 or worst 24 h ≥ 7/10. 'Recent' (within 14 days) is used only by `acute.recent_onset` (modify). Clinical conventions, clinic-editable.",
  "Irritability: for any complaint, pain now ≥ 7/10 or worst pain in 24 h ≥ 8/10 backs off (`symptoms.high_irritability`). NRS 7-10 is the conventional severe band; the worst-24 h cut is one point higher because a single peak says less than pain at rest. Clinical conventions, clinic-editable.",
  "Night pain alone modifies (watch with safety-netting); with a malignancy flag it refers. Constant non-mechanical pain alone modifies with safety-netting (Finucane 2020: a single flag, low concern); with any other red flag on the screen it refers.",
  "Spinal cord compression (NICE NG234): a history of cancer, a spinal complaint within 42 days, and any neurological sign (tingling or numbness, pain below the knee, progressive weakness, bilateral leg symptoms) is `urgent_referral`.",
  "Arm and leg alike: for a neck complaint, tingling or numbness (which the contract places in the arm) refers, as leg symptoms below the knee with tingling do (P9). Other upper-limb regions are not read this way, because the contract places tingling in the arm only for the neck.",
  "Red-flag items deliberately not asked (`redFlagsNotAsked`) modify, never push, and are left out of `missing`; a listed item answered true decides by its own rule. A listed item answered false is treated as not asked (the list is the clinician's statement that it was not).",
  "Refer plans: for fever or feeling unwell, significant trauma, or osteoporosis/steroids with new spinal pain, the plan is one paused stage (`pauseUntilCleared`): no running, hours or strength, no intensity, RPE ≤ 2, gentle walking as tolerated, what to do meanwhile, progressing only when a doctor clears the patient. Other refer reasons keep a hold stage at 50-70 % (below P3's 60-80 % because a review is pending).",
  "P3 on a flare: the first stage stays at 60-80 % of usual volume (at RPE 3) and if it still flares, the regress step cuts the stage's dose by another 10-20 % (`flareCutPct`) inside the stage, in P3's order; only a flare at an already cut dose steps back a stage, as the check-in review applies it. Every pain limit, cut and count the plan prints is read from the same settings the review reads. P1: a runner with a back complaint gets a first week of easy runs only (RPE 4, no intensity) even on a push verdict. Every reducing plan has a reload stage (RPE 7, one harder session a week) before full training.",
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
  out.push("- The red-flag screen is listed in full: every unasked `redFlags.*` item appears in `missing` unless the verdict is already `urgent_referral`, or the clinician recorded it as deliberately not asked (`redFlagsNotAsked`, which modifies instead).");
  out.push("- `refer` for fever, significant trauma or a possible fragility fracture gives a paused plan (`pauseUntilCleared`): no loading until a doctor has seen the patient.");
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
        `| \`${r.id}\` | ${r.category} | ${r.verdict} | ${cell(r.description)} | ${r.reads.map((p) => `\`${p}\``).join(", ")} | ${cell(r.source)}${r.rulesRef ? ` [${r.rulesRef}]` : ""}${r.sourceOutsideBack ? ` · outside back complaints: ${cell(r.sourceOutsideBack)}` : ""} |`,
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
