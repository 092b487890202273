import { createHash } from "node:crypto";
import type { Suggestion } from "@/lib/clinical";

// Pure rules of the "Needs review" queue (issue 13, ADR 0019).

/** The suggestions a clinician must decide. "Hold" asks nothing of them, so it is never queued. */
export const QUEUED_SUGGESTIONS = ["urgent_care", "seek_care", "regress", "progress"] as const;
export type QueuedSuggestion = (typeof QUEUED_SUGGESTIONS)[number];

export const isQueued = (s: Suggestion): s is QueuedSuggestion => (QUEUED_SUGGESTIONS as readonly string[]).includes(s);

/** Urgent and seek-care first, then regress, then progress (oldest first within each, by the query). */
export const queuePriority = (s: QueuedSuggestion): number => QUEUED_SUGGESTIONS.indexOf(s);

/**
 * What a review's answer depends on besides the calendar: the published version, the position
 * and each check-in with its morning answer. A decided review with the same digest is not asked
 * again; a new check-in, a morning answer, a move or a new version makes a new one.
 */
export function reviewFingerprint(v: {
  planVersion: number;
  positionSeq: number;
  checkIns: ReadonlyArray<{ id: string; morningAt: Date | null }>;
}): string {
  const parts = [...v.checkIns].map((c) => `${c.id}:${c.morningAt ? c.morningAt.toISOString() : "-"}`).sort();
  return createHash("sha256").update(JSON.stringify([v.planVersion, v.positionSeq, parts])).digest("hex");
}
