import { addDays, dayNumber } from "@/lib/clinical";
import { ACTIVITY_WORDS } from "@/lib/validation/checkin";

// Pure: a plan's stored check-ins and positions as the clinician's pain chart and its table. The
// x axis is a day number (days since 1970-01-01), not a category, so a stage that began on a day
// with no session still gets its line, and two sessions on one day sit one above the other.
// Dates are the clinic's calendar days already (session dates and stage starts are stored so).

/** The fields of a stored check-in the chart reads (a `CheckInRow` has them all). */
export type ChartCheckIn = {
  id: string;
  sessionDate: string;
  activity: string;
  done: string;
  painDuringNrs: number | null;
  morningPainNrs: number | null;
  morningComparedWithBefore: string | null;
  createdAt: Date;
};

/** The fields of a stored plan position the chart reads (a `PlanPosition` has them all). */
export type ChartPosition = { seq: number; stageKey: string; startedOn: string };

export type PainChartPoint = {
  id: string;
  day: number;
  date: string;
  /** "3 Dec 2026" */
  dateText: string;
  activity: string;
  done: string;
  painDuring: number | null;
  nextMorning: number | null;
  compared: string | null;
  /** "Stage 2: Build back up", or null before the plan's first position. */
  stage: string | null;
};

export type StageMark = { day: number; date: string; dateText: string; label: string };
export type AxisTick = { day: number; label: string };

export type PainChartSeries = {
  points: PainChartPoint[];
  stageMarks: StageMark[];
  /** Pain during at or under this is green (the clinic's `painGreenMax`). */
  greenMax: number;
  /** Pain during above this is a flare (the clinic's `painAcceptableMax`). */
  acceptableMax: number;
  domain: [number, number];
  ticks: AxisTick[];
  from: string;
  to: string;
  /** "1 Dec 2026": the first day shown. */
  fromText: string;
};

/** Days the chart looks back at most, today included: twelve weeks. */
export const CHART_MAX_DAYS = 84;
/** The shortest span the axis shows, so a plan published this week is not drawn on a one-day axis. */
export const CHART_MIN_DAYS = 7;
const MAX_TICKS = 7;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-12-03" → "3 Dec 2026" (the clinic's own calendar day: no time zone is applied). */
export function dayText(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const shortDay = (iso: string) => dayText(iso).replace(/ \d{4}$/, "");

function dayOf(iso: string): number {
  const n = dayNumber(iso);
  if (n === undefined) throw new Error(`Not a calendar date: ${iso}`);
  return n;
}

export const DONE_SHORT: Record<string, string> = { as_planned: "As planned", shortened: "Shortened", skipped: "Skipped" };
export const COMPARED_SHORT: Record<string, string> = { better: "Better", same: "Same", worse: "Worse" };

/**
 * The first day the chart shows: the plan's first day with data (its first position, or an
 * earlier session: a patient may log the six days before the link was issued), twelve weeks back
 * at most, and at least a week before today.
 */
export function chartWindowStart(today: string, firstDay: string | null): string {
  const earliest = addDays(today, -(CHART_MAX_DAYS - 1));
  const latest = addDays(today, -(CHART_MIN_DAYS - 1));
  if (firstDay === null || firstDay <= earliest) return earliest;
  return firstDay < latest ? firstDay : latest;
}

/** Stage title by key, "Stage N: title" in the plan's order; an unknown key (an older version's stage) by its key. */
function stageLabeller(stages: readonly { key: string; title: string }[]) {
  return (key: string) => {
    const i = stages.findIndex((s) => s.key === key);
    return i < 0 ? `Stage "${key}"` : `Stage ${i + 1}: ${stages[i]!.title}`;
  };
}

function axisTicks(from: string, to: string): AxisTick[] {
  const start = dayOf(from);
  const end = dayOf(to);
  const span = end - start;
  const step = Math.max(1, Math.ceil(span / (MAX_TICKS - 1)));
  const out: AxisTick[] = [];
  // Counted back from today, so today always has its tick.
  for (let d = end; d >= start; d -= step) out.unshift({ day: d, label: shortDay(addDays(to, d - end)) });
  return out;
}

export function painChartSeries(v: {
  today: string;
  checkIns: readonly ChartCheckIn[];
  positions: readonly ChartPosition[];
  stages: readonly { key: string; title: string }[];
  greenMax: number;
  acceptableMax: number;
}): PainChartSeries {
  const positions = [...v.positions].sort((a, b) => a.seq - b.seq);
  const firstDays = [positions[0]?.startedOn, ...v.checkIns.map((c) => c.sessionDate)].filter((d): d is string => d !== undefined);
  const from = chartWindowStart(v.today, firstDays.length ? firstDays.reduce((a, b) => (b < a ? b : a)) : null);
  const to = v.today;
  const label = stageLabeller(v.stages);

  // The stage a session belongs to: the latest move (by seq) that had begun on its day.
  const stageOn = (date: string): string | null => {
    let found: ChartPosition | undefined;
    for (const p of positions) if (p.startedOn <= date) found = p;
    return found ? label(found.stageKey) : null;
  };

  const points = v.checkIns
    .filter((c) => c.sessionDate >= from && c.sessionDate <= to)
    .slice()
    .sort((a, b) => (a.sessionDate === b.sessionDate ? a.createdAt.getTime() - b.createdAt.getTime() : a.sessionDate < b.sessionDate ? -1 : 1))
    .map<PainChartPoint>((c) => ({
      id: c.id,
      day: dayOf(c.sessionDate),
      date: c.sessionDate,
      dateText: dayText(c.sessionDate),
      activity: ACTIVITY_WORDS[c.activity as keyof typeof ACTIVITY_WORDS] ?? c.activity,
      done: DONE_SHORT[c.done] ?? c.done,
      // A skipped session has no pain to plot, whatever was stored.
      painDuring: c.done === "skipped" ? null : c.painDuringNrs,
      nextMorning: c.done === "skipped" ? null : c.morningPainNrs,
      compared: c.morningComparedWithBefore === null ? null : (COMPARED_SHORT[c.morningComparedWithBefore] ?? c.morningComparedWithBefore),
      stage: stageOn(c.sessionDate),
    }));

  // One line per day a stage began inside the window; two moves on one day show the later one.
  const byDay = new Map<string, ChartPosition>();
  for (const p of positions) if (p.startedOn >= from && p.startedOn <= to) byDay.set(p.startedOn, p);
  const stageMarks = [...byDay.values()]
    .sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0))
    .map((p) => ({ day: dayOf(p.startedOn), date: p.startedOn, dateText: dayText(p.startedOn), label: label(p.stageKey) }));

  return {
    points,
    stageMarks,
    greenMax: v.greenMax,
    acceptableMax: v.acceptableMax,
    domain: [dayOf(from), dayOf(to)],
    ticks: axisTicks(from, to),
    from,
    to,
    fromText: dayText(from),
  };
}
