import fc from "fast-check";
import type { z } from "zod";

// Hostile values and form mutations for the fuzz tests (tests/integration/fuzz-*.test.ts). A case
// starts from a form the action accepts and applies 1-3 mutations, so it reaches past the first
// check into the services. Whether a case must be refused is judged by the field's own zod schema
// (lib/validation): a value its field rejects, posted once, must never be accepted.

export const HUGE = 100_001;

/** Strings that have broken parsers, databases and renderers somewhere. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "A NUL \u0000 inside",
  "\u202Eevil\u202C",
  "\u200B",
  "\uFEFF",
  "\u2028\u2029",
  "e\u0301",
  "😀👩‍👩‍👧‍👦🏳️‍🌈",
  "\uD800",
  "\uDFFFx",
  "مرحبا",
  "x".repeat(HUGE),
  "😀".repeat(HUGE),
  " ".repeat(HUGE),
  "9".repeat(400),
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "null",
  "undefined",
  "true",
  "on",
  "yes",
  "[]",
  "{}",
  "[object Object]",
  '{"__proto__":{"polluted":1}}',
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%00",
  "%",
  "../../etc/passwd",
  "$ACTION_ID_x",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "0x10",
  "1e308",
  "-1e308",
  "1e-324",
  "1,5",
  " 5 ",
  "5abc",
  "2147483647",
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "-001990-01-01",
];

export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "__proto__.polluted", "constructor.prototype.polluted", "toString", "valueOf"];

/** Numbers at and past the bounds of a field (when known), and the classics. */
export function numbersNear(bounds: Bounds | null): string[] {
  const out = ["NaN", "Infinity", "-Infinity", "-0", "1e308", "-1e308", "2147483647", "2147483648", "-2147483649", "9007199254740991", "9007199254740993", "0.1", "-1"];
  if (bounds) {
    for (const b of [bounds.min, bounds.max]) out.push(String(b - 1), String(b), String(b + 1), String(b - 0.5), String(b + 0.5));
  }
  return out;
}

export type Bounds = { min: number; max: number };

const PROBES = [-1e308, -(2 ** 53), -(2 ** 31), -1e6, -1000, -100, -10, -1, 0, 1, 2, 3, 4, 5, 7, 10, 12, 20, 24, 25, 30, 50, 52, 60, 90, 100, 120, 150, 168, 200, 250, 300, 365, 500, 520, 600, 1000, 2000, 10_000, 36_500, 1e6, 2 ** 31, 2 ** 53, 1e308];

/**
 * The whole-number range a field accepts, found by asking its schema (bounds may be written as
 * .min/.max or inside a refine): null when it takes no numbers or no upper bound was found.
 */
export function probeBounds(field: z.ZodType): Bounds | null {
  const ok = (n: number) => field.safeParse(String(n)).success;
  const accepted = PROBES.filter(ok);
  if (accepted.length === 0) return null;
  const search = (lo: number, hi: number, loOk: boolean) => {
    // Finds the edge between lo and hi where ok() flips; lo has loOk.
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(mid) === loOk) lo = mid;
      else hi = mid;
    }
    return loOk ? lo : hi;
  };
  const first = accepted[0]!;
  const last = accepted[accepted.length - 1]!;
  const below = PROBES[PROBES.indexOf(first) - 1];
  const above = PROBES[PROBES.indexOf(last) + 1];
  // Unbounded on a side, or an edge beyond the exact integers (a phone number field takes "-9007199254740992"): no bounds to test.
  if (above === undefined || below === undefined || below < -(2 ** 53) || above > 2 ** 53) return null;
  return { min: search(below, first, false), max: search(last, above, true) };
}

export type FormValue = string | string[];
export type FormObject = Record<string, FormValue>;

export type Mutation =
  | { op: "set"; key: string; value: string }
  | { op: "drop"; key: string }
  | { op: "repeat"; key: string; values: string[] }
  | { op: "add"; key: string; value: string };

/** Applies mutations in order; FormData keeps the order and the repeats, as a browser posts them. */
export function applyMutations(base: FormObject, mutations: readonly Mutation[]): Array<[string, string]> {
  const entries: Array<[string, string]> = Object.entries(base).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
  let out = entries;
  for (const m of mutations) {
    if (m.op === "set") out = [...out.filter(([k]) => k !== m.key), [m.key, m.value]];
    else if (m.op === "drop") out = out.filter(([k]) => k !== m.key);
    else if (m.op === "repeat") out = [...out.filter(([k]) => k !== m.key), ...m.values.map((v) => [m.key, v] as [string, string])];
    else out = [...out, [m.key, m.value]];
  }
  return out;
}

export function toFormData(entries: ReadonlyArray<[string, string]>): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

/** A readable counterexample: long strings shortened, control characters escaped. */
export function describeMutations(mutations: readonly Mutation[]): string {
  const short = (s: string) => {
    const j = JSON.stringify(s);
    return j.length > 80 ? `${j.slice(0, 60)}…(${s.length} chars)` : j;
  };
  return mutations
    .map((m) => (m.op === "drop" ? `drop ${m.key}` : m.op === "repeat" ? `${m.key} = [${m.values.map(short).join(", ")}]` : `${m.op} ${short(m.key)} = ${short(m.value)}`))
    .join("; ");
}

/** Any value at all for a field: hostile constants, numbers near its bounds, arbitrary unicode. */
export function valueFor(bounds: Bounds | null, extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...numbersNear(bounds)) },
    { weight: 2, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    ...(extra.length ? [{ weight: 2, arbitrary: fc.constantFrom(...extra) }] : []),
  );
}

/**
 * 1-3 mutations of a form: a field set to a hostile value, dropped, posted several times, or a
 * field the form never had (prototype keys, Next's own names, dotted paths, huge names).
 */
export function mutationsOf(base: FormObject, opts: { boundsOf: (key: string) => Bounds | null; extraKeys?: readonly string[]; extraValues?: readonly string[] }): fc.Arbitrary<Mutation[]> {
  const keys = Object.keys(base);
  const keyArb = keys.length ? fc.constantFrom(...keys) : fc.constant("x");
  const newKey = fc.oneof(
    fc.constantFrom(...PROTOTYPE_KEYS, ...(opts.extraKeys ?? []), "$ACTION_REF_1", "$ACTION_1:0", "a".repeat(10_000), ""),
    fc.string({ unit: "binary", maxLength: 12 }),
  );
  const setOf = keyArb.chain((key) => valueFor(opts.boundsOf(key), opts.extraValues).map((value): Mutation => ({ op: "set", key, value })));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 6, arbitrary: setOf },
    { weight: 2, arbitrary: keyArb.map((key): Mutation => ({ op: "drop", key })) },
    {
      weight: 2,
      arbitrary: keyArb.chain((key) =>
        fc.array(fc.oneof(fc.constant([base[key] ?? ""].flat()[0]!), valueFor(opts.boundsOf(key))), { minLength: 2, maxLength: 4 }).map((values): Mutation => ({ op: "repeat", key, values })),
      ),
    },
    { weight: 2, arbitrary: fc.tuple(newKey, valueFor(null)).map(([key, value]): Mutation => ({ op: "add", key, value })) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

/** How an adapter reads a name posted twice: all values as an array (authedAction), the first (FormData.get) or the last (Object.fromEntries). */
export type Repeats = "array" | "first" | "last";

/** What an adapter reads for `key` from the posted entries: absent, one string, or the repeats as `repeats` says. */
export function postedValue(entries: ReadonlyArray<[string, string]>, key: string, repeats: Repeats): FormValue | undefined {
  const values = entries.filter(([k]) => k === key).map(([, v]) => v.toWellFormed()); // FormData keeps only well-formed text
  if (values.length === 0) return undefined;
  if (values.length === 1) return values[0];
  return repeats === "array" ? values : repeats === "first" ? values[0] : values[values.length - 1];
}

/**
 * The first field a case must be refused for: one the mutations touched whose value, as the
 * adapter reads it, its own schema rejects. Null when the case may legitimately be accepted.
 */
export function mustRefuseKey(
  mutations: readonly Mutation[],
  entries: ReadonlyArray<[string, string]>,
  fieldSchema: (key: string, entries: ReadonlyArray<[string, string]>) => z.ZodType | null,
  repeats: Repeats,
): string | null {
  for (const key of new Set(mutations.map((m) => m.key))) {
    const s = fieldSchema(key, entries);
    if (s && !s.safeParse(postedValue(entries, key, repeats)).success) return key;
  }
  return null;
}

/**
 * The deterministic part of the fuzz: every field of the form, one at a time, set to a NUL inside
 * text, to its bounds and one past them (when it takes numbers), or to 100k characters (when it
 * does not), to a number past PostgreSQL's integer (unless its bounds stop short), and a day
 * field to days that are no day or out of range; then the whole form with every field posted twice, every field dropped, and prototype
 * keys added. Random cases rarely hit each field with each of these; this does, in a few cases per field.
 */
export function sweepOf(base: FormObject, boundsOf: (key: string) => Bounds | null): Mutation[][] {
  const out: Mutation[][] = [];
  const seen = new Set<string>();
  for (const key of Object.keys(base)) {
    // One of each repeated row: `stages.2.strength.4.sets` is swept as `stages.0.strength.0.sets` was.
    const shape = key.replace(/\d+/g, "#");
    if (seen.has(shape)) continue;
    seen.add(shape);
    const b = boundsOf(key);
    const isDay = [base[key]].flat().some((v) => /^\d{4}-\d{2}-\d{2}$/.test(v ?? ""));
    const values = [
      "A NUL \u0000 inside",
      ...(b ? [String(b.min), String(b.max), String(b.min - 1), String(b.max + 1)] : ["x".repeat(HUGE)]),
      ...(b && b.max < 2 ** 31 ? [] : ["2147483648"]),
      // Days that are shaped right but are no day, or none PostgreSQL (or the calendar code) can hold.
      ...(isDay ? ["2026-02-30", "2026-13-01", "0000-01-01", "1899-12-31", "9999-12-31"] : []),
    ];
    for (const value of values) out.push([{ op: "set", key, value }]);
  }
  const keys = Object.keys(base);
  out.push(keys.map((key): Mutation => ({ op: "repeat", key, values: [[base[key] ?? ""].flat()[0]!, [base[key] ?? ""].flat()[0]!] })));
  out.push(keys.map((key): Mutation => ({ op: "drop", key })));
  out.push(PROTOTYPE_KEYS.map((key): Mutation => ({ op: "add", key, value: "1" })));
  return out;
}

// ---- JSON bodies --------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** A value JSON.stringify cannot write (1e309 reads back as Infinity, a lone surrogate escape): spliced into the text. */
export type RawJson = { raw: string };
export type JsonMutation = { path: Array<string | number>; op: "set"; value: Json | RawJson } | { path: Array<string | number>; op: "drop" } | { path: Array<string | number>; op: "key"; key: string; value: Json };

/** Every path into a JSON value, the root included. */
export function jsonPaths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  const here = [at];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => jsonPaths(x, [...at, i]))];
  if (v && typeof v === "object") return [...here, ...Object.entries(v).flatMap(([k, x]) => jsonPaths(x, [...at, k]))];
  return here;
}

export const NASTY_JSON: ReadonlyArray<Json | RawJson> = [
  null,
  true,
  0,
  -1,
  0.5,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  { raw: "1e309" },
  { raw: "-1e309" },
  { raw: "-0" },
  { raw: '"\\ud800"' },
  { raw: '"\\u0000"' },
  "",
  "x".repeat(HUGE),
  "😀‮",
  [],
  [1, 2, 3],
  {},
  { __proto__: null, polluted: true } as unknown as Json,
  Array.from({ length: 2000 }, () => 1),
];

/** The body text after the mutations; raw values are spliced in through placeholders. */
export function mutateJson(base: unknown, mutations: readonly JsonMutation[]): string {
  let root = structuredClone(base) as Json;
  const raws: string[] = [];
  const valueOf = (v: Json | RawJson): Json => (v && typeof v === "object" && "raw" in v && typeof v.raw === "string" ? `\u0001RAW${raws.push(v.raw) - 1}\u0001` : (v as Json));
  for (const m of mutations) {
    if (m.path.length === 0) {
      if (m.op === "set") root = valueOf(m.value);
      continue;
    }
    let node: unknown = root;
    for (const p of m.path.slice(0, -1)) node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[p] : undefined;
    if (!node || typeof node !== "object") continue;
    const last = m.path[m.path.length - 1]!;
    const target = node as Record<string | number, unknown>;
    if (m.op === "set") target[last] = valueOf(m.value);
    else if (m.op === "drop") {
      if (Array.isArray(target)) target.splice(Number(last), 1);
      else delete target[last];
    } else {
      const inner = target[last];
      // An own property even for "__proto__", as JSON.parse makes one.
      if (inner && typeof inner === "object" && !Array.isArray(inner)) Object.defineProperty(inner, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    }
  }
  return JSON.stringify(root).replace(/"\\u0001RAW(\d+)\\u0001"/g, (_, i: string) => raws[Number(i)]!);
}

/** Bodies that are no JSON object at all. */
export const NASTY_BODIES: readonly string[] = [
  "",
  " ",
  "{",
  "}",
  "[",
  "nul",
  "null",
  "true",
  "42",
  '"a string"',
  "[]",
  "[[]]",
  "{}",
  '{"a":1,}',
  "{'single': 1}",
  "\u0000",
  "\uFEFF{}",
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  "[".repeat(100_000) + "]".repeat(100_000),
  '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000),
  `"${"x".repeat(1_000_000)}"`,
  "1e309",
];

export function jsonMutationsOf(base: unknown): fc.Arbitrary<JsonMutation[]> {
  const paths = jsonPaths(base);
  const path = fc.constantFrom(...paths);
  const value: fc.Arbitrary<Json | RawJson> = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_JSON) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.json().map((t) => JSON.parse(t) as Json) },
  );
  const mutation: fc.Arbitrary<JsonMutation> = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(path, value).map(([p, v]): JsonMutation => ({ path: p, op: "set", value: v })) },
    { weight: 2, arbitrary: path.map((p): JsonMutation => ({ path: p, op: "drop" })) },
    { weight: 2, arbitrary: fc.tuple(path, fc.constantFrom(...PROTOTYPE_KEYS, "contractVersion", "extra"), fc.constantFrom(...NASTY_JSON.filter((x): x is Json => !(x && typeof x === "object" && "raw" in x)))).map(([p, key, v]): JsonMutation => ({ path: p, op: "key", key, value: v })) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

export function describeJsonMutations(ms: readonly JsonMutation[]): string {
  const short = (v: unknown) => {
    const j = JSON.stringify(v) ?? String(v);
    return j.length > 80 ? `${j.slice(0, 60)}…(${j.length} chars)` : j;
  };
  return ms.map((m) => `${m.op} ${m.path.join(".") || "(root)"}${m.op === "key" ? `.${m.key}` : ""}${m.op === "drop" ? "" : ` = ${short(m.value)}`}`).join("; ");
}
