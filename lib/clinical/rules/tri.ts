import type { RuleHit, RuleOutcome } from "./types";

// Three-valued logic for rule conditions: true, false, or unknown. Unknown carries the contract
// paths whose answers are missing, so the engine can say which unknowns limited its decision.

export type Tri = boolean | readonly string[];

/** A boolean answer at `path`: undefined becomes unknown. */
export function fact(path: string, value: boolean | undefined): Tri {
  return value === undefined ? [path] : value;
}

/** A test on a numeric (or enum) answer at `path`: undefined becomes unknown. */
export function test<T>(path: string, value: T | undefined, pred: (v: T) => boolean): Tri {
  return value === undefined ? [path] : pred(value);
}

export function and(...terms: Tri[]): Tri {
  let unknown: string[] | undefined;
  for (const t of terms) {
    if (t === false) return false;
    if (t !== true) (unknown ??= []).push(...t);
  }
  return unknown ?? true;
}

export function or(...terms: Tri[]): Tri {
  let unknown: string[] | undefined;
  for (const t of terms) {
    if (t === true) return true;
    if (t !== false) (unknown ??= []).push(...t);
  }
  return unknown ?? false;
}

export function isUnknown(t: Tri): t is readonly string[] {
  return typeof t !== "boolean";
}

/** Turn a condition into a rule outcome: fire on true, stay silent on false, report unknowns. */
export function decide(t: Tri, hit: () => RuleHit): RuleOutcome {
  if (t === true) return hit();
  if (t === false) return null;
  return { unknown: t };
}
