// The app's surface, read from the code (tests/support/app-surface.ts), against the matrix's
// declared entries: what is in the app but undeclared, and what is declared but gone.
import { listPages, listRouteHandlers, listServerActions } from "../support/app-surface";
import { entryKey, type Entry } from "./matrix";

/** The key an enumerated page, route handler method or action has in the matrix (see entryKey). */
export function surfaceKeys(root?: string): string[] {
  return [
    ...listPages(root).map((p) => `page ${p.route}`),
    ...listRouteHandlers(root).map((r) => `${r.method} ${r.route}`),
    ...listServerActions(root).map((a) => `${a.file}#${a.exportName}`),
  ];
}

export function matrixCoverage(entries: readonly Entry[], keys: readonly string[]) {
  const declared = new Set(entries.map(entryKey));
  const inApp = new Set(keys);
  return {
    missing: [...inApp].filter((k) => !declared.has(k)),
    stale: [...declared].filter((k) => !inApp.has(k)),
  };
}
