// The plan editor's errors as one list in plain words, for the save bar: a failed save says what
// is wrong beside the Save button, with a way to jump to each field, even when the field itself is
// a thousand pixels up the page. Pure (no React): the editor and its tests use the same functions.

/** A field error as the save bar lists it: the field's dotted name and one line to read. */
export type EditorProblem = { name: string; summary: string };

type ErrorNode = { message?: unknown; type?: unknown; [key: string]: unknown };

/**
 * react-hook-form's nested errors (`{ stages: [{ rpe: { message } }] }`) as dotted names with
 * their message (`stages.0.rpe`), the same names the posted form and the server's errors use.
 */
export function flattenErrors(errors: unknown, prefix = ""): { name: string; message: string }[] {
  if (!errors || typeof errors !== "object") return [];
  const node = errors as ErrorNode;
  const out: { name: string; message: string }[] = [];
  // A leaf: RHF puts `message` and `type` on the field's own object; an array's own error
  // (e.g. too many exercises) lives under `root` beside its items.
  if (prefix && typeof node.message === "string" && typeof node.type === "string") out.push({ name: prefix, message: node.message });
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
    const name = key === "root" ? prefix : prefix ? `${prefix}.${key}` : key;
    out.push(...flattenErrors(child, name));
  }
  return out;
}

/** The server's field errors (`{ "stages.0.reason": ["…"] }`) as react-hook-form's nested shape. */
export function nestServerErrors(fieldErrors: Record<string, string[] | undefined> | undefined): Record<string, unknown> | undefined {
  if (!fieldErrors) return undefined;
  const root: Record<string, unknown> = {};
  let any = false;
  for (const [name, messages] of Object.entries(fieldErrors)) {
    const message = messages?.[0];
    if (!message) continue;
    const parts = name.split(".");
    if (parts.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node: Record<string, unknown> = root;
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1) node[part] = { ...(node[part] as object | undefined), type: "server", message };
      else node = (node[part] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {}) as Record<string, unknown>;
    }
    any = true;
  }
  return any ? root : undefined;
}

const sentence = (s: string) => (s ? `${s[0]!.toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? "" : "."}` : s);

/**
 * One line for the save bar: where the problem is and what to do, e.g.
 * "Stage 1: add a reason for going beyond the safety limits." or "Stage 2, exercise 3: Enter reps, time or distance."
 */
export function problemSummary(name: string, message: string): string {
  if (name === "notes") return `Notes for the patient: ${sentence(message)}`;
  const m = /^stages\.(\d+)(?:\.strength\.(\d+))?\.(\w+)$/.exec(name);
  if (!m) return sentence(message);
  const stage = `Stage ${Number(m[1]) + 1}`;
  // The server's own message lists every crossed limit, which the stage already shows in amber;
  // the bar only has to say what is missing.
  if (m[3] === "reason" && m[2] === undefined) return `${stage}: add a reason for going beyond the safety limits.`;
  if (m[2] !== undefined) return `${stage}, exercise ${Number(m[2]) + 1}: ${sentence(message)}`;
  return `${stage}: ${sentence(message)}`;
}

/** The problems to list, in the order given (the editor orders them as they appear on the page). */
export function editorProblems(errors: { name: string; message: string }[]): EditorProblem[] {
  const seen = new Set<string>();
  const out: EditorProblem[] = [];
  for (const e of errors) {
    if (seen.has(e.name)) continue;
    seen.add(e.name);
    out.push({ name: e.name, summary: problemSummary(e.name, e.message) });
  }
  return out;
}

// Where each field sits in a stage of the editor, top to bottom (components/plan/plan-editor.tsx):
// the settings grid, the reason box under the crossed limits, cross-training, the exercises, the note.
const STAGE_ORDER = ["weeksMin", "weeksMax", "volMin", "volMax", "rpe", "longRun", "intensity", "reason", "crossTraining", "strength", "notes"];
const EXERCISE_ORDER = ["exercise", "sets", "reps", "howTo", "note"];

function pagePosition(name: string): number[] {
  const m = /^stages\.(\d+)(?:\.(\w+)(?:\.(\d+)(?:\.(\w+))?)?)?$/.exec(name);
  // Ids and the version come first (they are not on screen); the plan's own notes last.
  if (!m) return name === "notes" ? [Number.MAX_SAFE_INTEGER] : [-1];
  const field = m[2] ? STAGE_ORDER.indexOf(m[2]) : -1;
  const item = m[3] === undefined ? -1 : Number(m[3]);
  const sub = m[4] ? EXERCISE_ORDER.indexOf(m[4]) : -1;
  return [Number(m[1]), field, item, sub];
}

/** Errors in the order their fields appear on the page, so "the first error" is the one highest up. */
export function inPageOrder<T extends { name: string }>(errors: T[]): T[] {
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? -1) - (b[i] ?? -1);
      if (d) return d;
    }
    return 0;
  };
  return errors
    .map((e) => ({ e, at: pagePosition(e.name) }))
    .sort((x, y) => cmp(x.at, y.at))
    .map((x) => x.e);
}
