import { format } from "date-fns";
import type { Verdict } from "@/lib/clinical";
import { hasContactDetails, type ClinicContact } from "@/lib/clinics/clinic-contact";
import type { FinishedNotice } from "@/lib/plans/finished-notice";
import { formatDistance, formatDistanceRange, formatDurationRange, type DistanceUnit } from "@/lib/plans/units";
import type { UsualWeek } from "@/lib/plans/usual-week";
import type { PlanContent, PlanContentStage } from "@/lib/validation/plan";

// The home program as plain words, built once from a plan version and rendered twice: by the PDF
// document (react-pdf) and by the patient's page (HTML). Pure and tested on its own: neither
// renderer decides anything about the content (conventions: report model first, render second).

export type PaperSize = "A4" | "LETTER";

export type ReportInput = {
  clinicName: string;
  paperSize?: PaperSize;
  units?: DistanceUnit;
  /** The usual week from the plan's assessment, which the stages' percentages are shares of; null when not recorded. */
  usualWeek?: UsualWeek | null;
  patientName: string;
  clinicianName: string;
  /** The day the version was published (or today, for a draft preview). */
  date: Date;
  verdict: Verdict;
  rulesetVersion: string;
  planVersion: number;
  published: boolean;
  content: PlanContent;
  /** The patient's private link; null when it cannot be printed (the token is only known when issued). */
  link: string | null;
  /** Where the patient is now (issue 12), e.g. "Stage 2 of 4, week 1: …"; "this week" then reads that stage. */
  position?: { stageKey: string; line: string; detail: string } | null;
  /** What the review decision that published this version changed, in the patient's words (issue 13). */
  change?: { summary: string; why: string[] } | null;
  /** The clinic's phone and email from its settings. */
  contact?: ClinicContact | null;
  /** Set when the clinic has discharged the patient: the plan still shows, under this notice (ADR 0018). */
  finished?: FinishedNotice | null;
};

export type ReportFact = { label: string; value: string };
export type ReportExercise = { exercise: string; sets: string; reps: string; howTo: string | null; note: string | null };
export type ReportStage = {
  number: number;
  title: string;
  heading: string;
  /** Set for a stage paused until a doctor has seen the patient: printed instead of the settings, which it has none of. */
  paused: string | null;
  facts: ReportFact[];
  swaps: string[];
  strength: ReportExercise[];
  moveOn: string[];
  stepBack: string[];
  notes: string | null;
};
export type ReportPainRule = { level: "green" | "amber" | "red"; label: string; when: string; then: string };

/** The one-page paper log printed after the plan (issue 13): rows to fill in by hand, keyed to the plan's own traffic light. */
export type ReportSessionLog = {
  title: string;
  intro: string;
  columns: { date: string; session: string; sessionHint: string; painDuring: string; nextMorning: string; light: string };
  rows: number;
  key: { level: ReportPainRule["level"]; label: string; when: string }[];
  bring: string;
};

export type ReportModel = {
  paperSize: PaperSize;
  units: DistanceUnit;
  title: string;
  clinicName: string;
  patientName: string;
  clinicianName: string;
  dateText: string;
  draft: boolean;
  verdict: { label: string; summary: string };
  thisWeek: string[];
  stages: ReportStage[];
  painRules: ReportPainRule[];
  rule24h: string;
  deload: string;
  seekCare: string[];
  advice: string[];
  notes: string | null;
  link: string | null;
  linkText: string;
  footer: string;
  /** Where the patient is now, in words (null on a draft preview or before publishing). */
  position: { line: string; detail: string } | null;
  /** The clinic's phone and/or email; null when the clinic has set neither. */
  contact: ClinicContact | null;
  finished: FinishedNotice | null;
  /** Its own last page of the PDF; the patient's web page does not show it. */
  sessionLog: ReportSessionLog | null;
};

/** The verdict as a patient reads it. */
export const patientVerdict: Record<Exclude<Verdict, "urgent_referral">, { label: string; summary: string }> = {
  push: { label: "Keep training", summary: "Nothing in your assessment needs you to hold back. Keep training and build up steadily." },
  modify: { label: "Keep training, with changes", summary: "Keep training, with the changes to amount and content set out below, and build back up in stages." },
  back_off: { label: "Back off for now, then rebuild", summary: "Cut training back for a short while so your symptoms can settle, then build up again stage by stage." },
  refer: { label: "Hold, and see a doctor", summary: "A medical review is needed before this plan moves on. Until then, keep training light as set out below." },
};

/** A refer plan whose stages are all paused: no "keep training light", because there is no training. */
const pausedVerdict = { label: "Pause training, and see a doctor", summary: "A doctor needs to see you before you train again. Until then, do no training: only the gentle activity set out below." };

const rangeText = (r: { min: number; max: number }, unit = "") => (r.min === r.max ? `${r.min}${unit}` : `${r.min}-${r.max}${unit}`);
const weeksText = (r: { min: number; max: number }) => `${rangeText(r)} week${r.max === 1 ? "" : "s"}`;

/**
 * "How much": the share of the usual week, and what that comes to in the clinic's distance unit
 * and in hours and minutes when the assessment recorded the usual week. Unknown, the share stays
 * alone, with words for what "usual" means.
 */
function volumeText(s: PlanContentStage, usual: UsualWeek | null, units: DistanceUnit): string | null {
  const v = s.trainingHoursPct ?? s.runVolumePct;
  if (!v) return null;
  const runs = s.runVolumePct !== undefined;
  if (v.max === 0) return runs ? "No running or training for now" : "No training for now";
  const pct = rangeText(v, " %");
  // "about" once, before the first amount; "up to 20 km" needs none.
  const about = (t: string) => (t.startsWith("up to") ? t : `about ${t}`);
  const run = s.runVolumePct;
  const km = run && usual?.runKm ? formatDistanceRange((usual.runKm * run.min) / 100, (usual.runKm * run.max) / 100, units) : null;
  const time = usual?.hours ? formatDurationRange((usual.hours * 60 * v.min) / 100, (usual.hours * 60 * v.max) / 100) : null;
  if (km && time) return `${pct} of your usual week: ${about(km)} of running and ${time} of training in all`;
  if (km) return `${pct} of your usual week: ${about(km)} of running, and the same share of any other training`;
  if (time) return `${pct} of your usual ${runs ? "running and training" : "training"} time: ${about(time)} a week`;
  return `${pct} of your usual ${runs ? "running and training" : "training"} time (what you do in an ordinary week)`;
}

const effortText = (rpe: number) => `Up to ${rpe} out of 10 (${rpe <= 4 ? "easy: you can talk in full sentences" : rpe <= 6 ? "steady: you can talk in short sentences" : rpe <= 8 ? "hard: a few words at a time" : "very hard efforts allowed"})`;

function stageFacts(s: PlanContentStage, units: DistanceUnit, usual: UsualWeek | null): ReportFact[] {
  const facts: ReportFact[] = [{ label: "How long", value: weeksText(s.weeks) }];
  const vol = volumeText(s, usual, units);
  if (vol) facts.push({ label: "How much", value: vol });
  facts.push({ label: "How hard", value: effortText(s.maxEffortRpe) });
  facts.push({
    label: "Hard sessions",
    value: s.intensityAllowed ? "Allowed: intervals, hills or races if pain stays green" : "None: no intervals, hills, races or progression runs",
  });
  if (s.longRunKmMax !== undefined) facts.push({ label: "Longest run", value: `Up to ${formatDistance(s.longRunKmMax, units)}` });
  return facts;
}

/** A paused stage, plainly: no training, the doctor first, and what the patient may do meanwhile. */
function pausedText(s: PlanContentStage): string {
  // Items run on after "Meanwhile:", so a capital that only starts a sentence is lowered ("Gentle" → "gentle", "MRI" stays).
  const meanwhile = s.crossTraining
    .map((t) => t.trim().replace(/[.;:]+$/, ""))
    .filter(Boolean)
    .map((t) => (/^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t));
  return `No training for now: see your doctor first. Meanwhile: ${meanwhile.length ? meanwhile.join("; ") : "rest, and keep to your normal daily activities as far as they feel comfortable"}.`;
}

function thisWeek(first: PlanContentStage, units: DistanceUnit, usual: UsualWeek | null, at?: { n: number; line: string }): string[] {
  if (first.pauseUntilCleared) {
    return [...(at ? [`${at.line}.`] : []), pausedText(first), "Book the medical review now.", "Check how walking and daily activities feel against the traffic light."];
  }
  const out = [at ? `${at.line}.` : `Start Stage 1: ${first.title}.`];
  const vol = volumeText(first, usual, units);
  if (vol) out.push(/^No /.test(vol) ? `${vol}.` : `Train at ${vol}.`);
  out.push(`Keep every session at or below ${first.maxEffortRpe} out of 10 for effort.`);
  out.push(first.intensityAllowed ? "Harder sessions are allowed if pain stays in the green." : "No intervals, hills or races this week.");
  if (first.longRunKmMax !== undefined) out.push(`Keep your longest run to ${formatDistance(first.longRunKmMax, units)} or less.`);
  if (first.crossTraining.length) out.push(`Swap some sessions for: ${first.crossTraining.slice(0, 3).join("; ")}.`);
  if (first.strength.length) out.push(`Do the ${first.strength.length} strength exercise${first.strength.length === 1 ? "" : "s"} of Stage ${at?.n ?? 1} twice this week.`);
  out.push("Check pain during and the morning after each session against the traffic light.");
  return out;
}

/** "What changed" follows the line that says where the patient is, so both are read first. */
function withChange(lines: string[], change: ReportInput["change"]): string[] {
  if (!change || lines.length === 0) return lines;
  return [lines[0]!, `What changed: ${change.summary} ${change.why.join(" ")}`.trim(), ...lines.slice(1)];
}

/** Two weeks of sessions at most days a week: fits one A4 or Letter page with the key. */
export const SESSION_LOG_ROWS = 14;

const lightWords: Record<ReportPainRule["level"], string> = { green: "Green", amber: "Amber", red: "Red" };

function sessionLog(painRules: PlanContent["painRules"], paused: boolean): ReportSessionLog {
  return {
    title: "Your session log",
    intro: paused
      ? "Write one line for each walk or busy day, and the next-morning score when you get up. Then tick the traffic light that matches, using the key below."
      : "Write one line after each session, and the next-morning score when you get up the day after. Then tick the traffic light that matches, using the key below.",
    columns: {
      date: "Date",
      session: "Session",
      sessionHint: paused ? "what you did, how long" : "what you did, how long or how far",
      painDuring: "Pain during (0-10)",
      nextMorning: "Next morning (0-10)",
      light: "Traffic light (tick one)",
    },
    rows: SESSION_LOG_ROWS,
    // The plan's own rules, so the key carries the plan's green and acceptable limits (the clinic's
    // settings at the time the plan was made), never numbers of its own.
    key: (["green", "amber", "red"] as const).flatMap((level) => {
      const r = painRules.find((p) => p.level === level);
      return r ? [{ level, label: lightWords[level], when: r.when }] : [];
    }),
    bring: "Bring this to your next visit, or your clinician can type it in.",
  };
}

const painLabels: Record<ReportPainRule["level"], string> = { green: "GREEN: carry on", amber: "AMBER: ease off", red: "RED: stop" };

function deloadText(d: { min: number; max: number }): string {
  const mid = Math.round((d.min + d.max) / 2);
  return `Every ${rangeText(d)} weeks, take a planned lighter week: shorter sessions and no hard efforts. Your first lighter week falls around week ${mid}, then around weeks ${mid * 2} and ${mid * 3}. Take it early if you feel run down.`;
}

const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

export function buildReportModel(input: ReportInput): ReportModel {
  if (input.verdict === "urgent_referral") throw new Error("An urgent referral has no plan to print.");
  const units = input.units ?? "km";
  const usual = input.usualWeek ?? null;
  const c = input.content;
  const allPaused = c.stages.length > 0 && c.stages.every((s) => s.pauseUntilCleared === true);
  const at = input.position ? c.stages.findIndex((st) => st.key === input.position!.stageKey) : -1;
  const current = at >= 0 ? c.stages[at] : c.stages[0];
  const position = at >= 0 && input.position ? { line: input.position.line, detail: input.position.detail } : null;
  return {
    paperSize: input.paperSize ?? "A4",
    units,
    title: "Your return-to-training plan",
    clinicName: input.clinicName,
    patientName: input.patientName,
    clinicianName: input.clinicianName,
    dateText: format(input.date, "d MMMM yyyy"),
    draft: !input.published,
    verdict: allPaused ? pausedVerdict : patientVerdict[input.verdict],
    thisWeek: withChange(current ? thisWeek(current, units, usual, position ? { n: at + 1, line: position.line } : undefined) : [], input.change),
    stages: c.stages.map((s, i) => ({
      number: i + 1,
      title: s.title,
      heading: `Stage ${i + 1}: ${s.title}`,
      paused: s.pauseUntilCleared ? pausedText(s) : null,
      facts: s.pauseUntilCleared ? [] : stageFacts(s, units, usual),
      swaps: s.pauseUntilCleared ? [] : s.crossTraining,
      strength: s.pauseUntilCleared ? [] : s.strength.map((x) => ({ exercise: x.exercise, sets: String(x.sets), reps: x.reps, howTo: blank(x.howTo), note: blank(x.note) })),
      moveOn: s.progressWhen,
      stepBack: s.regressWhen,
      notes: blank(s.notes),
    })),
    painRules: c.painRules.map((p) => ({ level: p.level, label: painLabels[p.level], when: p.when, then: p.then })),
    rule24h: allPaused
      ? "The 24-hour rule: judge each walk by how you feel the next morning as well as during it. If you feel worse the next morning, keep the next walks shorter or rest, and tell your doctor."
      : "The 24-hour rule: judge each session by how you feel the next morning as well as during it. If pain or stiffness is worse the next morning than before the session, that session was too much: treat it as RED, even if it felt fine at the time.",
    deload: allPaused ? "Planned lighter weeks start once you are back in training: your clinician sets them in your next plan." : deloadText(c.deloadEveryWeeks),
    seekCare: c.seekCareIf,
    advice: c.advice ?? [],
    notes: blank(c.notes),
    link: input.link,
    linkText: input.link
      ? "Your plan online, always the latest version your clinician has published. Keep this link private."
      : "Your clinician gives you a private link to this plan online.",
    footer: `${input.clinicName} · plan version ${input.planVersion} · ruleset ${input.rulesetVersion}`,
    position,
    contact: input.contact && hasContactDetails(input.contact) ? input.contact : null,
    finished: input.finished ?? null,
    sessionLog: sessionLog(c.painRules, allPaused),
  };
}

/** "Phone 020 7946 0000 · Email hello@clinic.example": the contact on one line, for print. */
export function contactLineOf(c: ClinicContact): string {
  return [c.phone ? `Phone ${c.phone}` : null, c.email ? `Email ${c.email}` : null].filter(Boolean).join(" · ");
}
