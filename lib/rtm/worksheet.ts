// The RTM worksheet (contract v1, lib/rtm/CONTRACT.md): a pure function from an episode, the
// patient's data days and the clinician's time log to the codes those records support. It
// documents; it never bills. No clock: `today` is input.
import { CODE_TABLE_CY2026, type RtmCodeTable } from "./code-table-cy2026";
import { addDays, daysBetween, maxDay, minDay, monthOf, nextMonth } from "./dates";
import { parseRtmInput, RTM_CONTRACT_VERSION, type RtmFieldError, type RtmWorksheetInput } from "./validate";

export type RtmWindow = {
  start: string;
  end: string;
  dataDays: number;
  complete: boolean;
  supplyCode: string | null;
  canStillReach16?: boolean;
};

export type RtmMonth = {
  month: string;
  minutes: number;
  interactive: boolean;
  codes: Array<{ code: string; units: number }>;
  modifiers: string[];
};

export type RtmWorksheet = {
  contractVersion: 1;
  codeTableVersion: string;
  setup: { code: string; supportedOn: string } | null;
  windows: RtmWindow[];
  months: RtmMonth[];
  warnings: string[];
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The supply code a window's data days support (one per window), or null. */
export function supplyCodeFor(days: number, table: RtmCodeTable = CODE_TABLE_CY2026): string | null {
  if (days >= table.supply.full.minDays) return table.supply.full.code;
  if (days >= table.supply.partial.minDays) return table.supply.partial.code;
  return null;
}

/** Management codes for one month's minutes; none without a live interaction when the table requires one. */
export function managementCodesFor(minutes: number, interactive: boolean, table: RtmCodeTable = CODE_TABLE_CY2026): RtmMonth["codes"] {
  const m = table.management;
  if (m.requiresInteractive && !interactive) return [];
  if (minutes >= m.second.minMinutes) {
    const addOn = Math.floor((minutes - m.second.minMinutes) / m.addOn.everyMinutes);
    return addOn > 0 ? [{ code: m.second.code, units: 1 }, { code: m.addOn.code, units: addOn }] : [{ code: m.second.code, units: 1 }];
  }
  if (minutes >= m.first.minMinutes) return [{ code: m.first.code, units: 1 }];
  return [];
}

/** The worksheet for input already checked against contract v1 (see `parseRtmInput`). */
export function rtmWorksheet(input: RtmWorksheetInput, table: RtmCodeTable = CODE_TABLE_CY2026): RtmWorksheet {
  const { today, episode } = input;
  const { startedOn } = episode;
  // The last monitored day: today, or the day the episode ended if that came first.
  const lastDay = episode.endedOn ? minDay(today, episode.endedOn) : today;
  const inEpisode = (d: string) => d >= startedOn && d <= lastDay;
  const warnings: string[] = [];

  const days = [...new Set(input.dataDays.filter(inEpisode))].sort();

  // Consecutive windows of `windowDays` from startedOn; the last one may be partial.
  const windows: RtmWindow[] = [];
  let di = 0;
  for (let start = startedOn; start <= lastDay; start = addDays(start, table.windowDays)) {
    const end = addDays(start, table.windowDays - 1);
    let count = 0;
    while (di < days.length && days[di]! <= end) {
      count++;
      di++;
    }
    const complete = end <= today || (episode.endedOn !== undefined && episode.endedOn <= end);
    const w: RtmWindow = { start, end, dataDays: count, complete, supplyCode: supplyCodeFor(count, table) };
    if (!complete) {
      // Incomplete means the episode runs past today, so today is inside this window.
      const todayCounted = days.includes(today);
      const toCome = daysBetween(today, end) + (todayCounted ? 0 : 1);
      w.canStillReach16 = count + toCome >= table.supply.full.minDays;
    }
    windows.push(w);
  }

  // Set-up and education: once per episode, when recorded and the patient has the table's number
  // of data days in the first window; supported on the later of the two dates.
  let setup: RtmWorksheet["setup"] = null;
  if (episode.setupEducationOn !== undefined) {
    const first = windows[0];
    const firstDays = first ? days.filter((d) => d <= first.end) : [];
    const nth = firstDays[table.setup.minDataDays - 1];
    if (episode.setupEducationOn > lastDay) {
      warnings.push("The set-up and education date is after the last monitored day, so set-up is not counted yet.");
    } else if (nth !== undefined) {
      setup = { code: table.setup.code, supportedOn: maxDay(episode.setupEducationOn, nth) };
    } else if (first?.complete) {
      warnings.push(`Set-up and education was recorded, but the patient sent data on fewer than ${table.setup.minDataDays} days in the first 30-day window, so it supports no set-up code.`);
    }
  }

  // Calendar months from the month of startedOn to the month of the last monitored day.
  const entries = input.timeLog.filter((e) => inEpisode(e.date));
  const outside = input.timeLog.length - entries.length;
  if (outside > 0) {
    warnings.push(`${plural(outside, "time-log entry", "time-log entries")} fall${outside === 1 ? "s" : ""} outside the monitored days of this episode and ${outside === 1 ? "is" : "are"} not counted.`);
  }
  const months: RtmMonth[] = [];
  for (let month = monthOf(startedOn); month <= monthOf(lastDay); month = nextMonth(month)) {
    const mine = entries.filter((e) => monthOf(e.date) === month);
    const minutes = mine.reduce((s, e) => s + e.minutes, 0);
    const assistantMinutes = mine.filter((e) => e.by === "pta").reduce((s, e) => s + e.minutes, 0);
    const interactive = mine.some((e) => e.interactive);
    const codes = managementCodesFor(minutes, interactive, table);
    const modifiers: string[] = [];
    if (codes.length > 0) {
      modifiers.push(table.modifiers.discipline);
      if (assistantMinutes > table.modifiers.assistantShareAbove * minutes) modifiers.push(table.modifiers.assistant);
    }
    if (minutes > 0 && !interactive && table.management.requiresInteractive) {
      warnings.push(`In ${month}, ${plural(minutes, "minute")} ${minutes === 1 ? "was" : "were"} logged but there was no live call or video with the patient, so they support no management code.`);
    }
    months.push({ month, minutes, interactive, codes, modifiers });
  }

  return { contractVersion: RTM_CONTRACT_VERSION, codeTableVersion: table.version, setup, windows, months, warnings };
}

export type RtmBatchItem = RtmWorksheet | { error: { issues: RtmFieldError[] } };
export type RtmBatchResult =
  | { kind: "single"; ok: true; worksheet: RtmWorksheet }
  | { kind: "single"; ok: false; errors: RtmFieldError[] }
  | { kind: "array"; items: RtmBatchItem[]; invalid: number };

/** Validate untrusted data, then compute the worksheet. */
export function parseAndRtmWorksheet(raw: unknown, table?: RtmCodeTable): { ok: true; worksheet: RtmWorksheet } | { ok: false; errors: RtmFieldError[] } {
  const parsed = parseRtmInput(raw);
  return parsed.ok ? { ok: true, worksheet: rtmWorksheet(parsed.input, table) } : parsed;
}

/** One input or an array (invalid elements keep their place as an error entry), as the CLI and API receive them. */
export function rtmWorksheetBatch(raw: unknown, table?: RtmCodeTable): RtmBatchResult {
  if (!Array.isArray(raw)) {
    const r = parseAndRtmWorksheet(raw, table);
    return r.ok ? { kind: "single", ok: true, worksheet: r.worksheet } : { kind: "single", ok: false, errors: r.errors };
  }
  let invalid = 0;
  const items = raw.map((el): RtmBatchItem => {
    const r = parseAndRtmWorksheet(el, table);
    if (r.ok) return r.worksheet;
    invalid++;
    return { error: { issues: r.errors } };
  });
  return { kind: "array", items, invalid };
}
