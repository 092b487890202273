import { z } from "zod";

// The worklist's query pieces shared by "My caseload" and the admin's clinic caseload (issue 13).
// No database imports: the page, the CSV route and the tests parse the same URL parameters.

/** Sorts both caseloads offer, each served by an index (lib/patients/caseload-sql.ts). */
export const WORKLIST_SORTS = ["review", "name", "verdict", "due", "lastCheckIn", "flares", "dataDays"] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

/** "Awaiting review" filter: any review waiting, urgent report or seek care, urgent only, none. */
export const REVIEW_FILTERS = ["waiting", "care", "urgent", "none"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export const reviewFilterLabels: Record<ReviewFilter, string> = {
  waiting: "Any review waiting",
  care: "Urgent report or seek care",
  urgent: "Urgent reports only",
  none: "Nothing waiting",
};

/** A pending review's suggestion in the clinician's words, as the worklist badge shows it. */
export const REVIEW_SUGGESTIONS = ["urgent_care", "seek_care", "regress", "progress"] as const;
export type ReviewSuggestion = (typeof REVIEW_SUGGESTIONS)[number];
export const reviewSuggestionWords: Record<ReviewSuggestion, string> = {
  urgent_care: "Urgent report",
  seek_care: "Seek care",
  regress: "Regress",
  progress: "Progress",
};
export const isReviewSuggestion = (s: string | null): s is ReviewSuggestion => s !== null && (REVIEW_SUGGESTIONS as readonly string[]).includes(s);

export const STATUS_FILTERS = ["active", "discharged", "all"] as const;

/** An on/off checkbox in a GET form: "1" (or "on", what a checkbox posts) turns it on. */
export const flagParam = z
  .enum(["1", "on", "true"])
  .optional()
  .catch(undefined)
  .transform((v) => v !== undefined);

export const dirParam = z.enum(["asc", "desc"]).catch("asc").default("asc");
export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
/**
 * Free text typed into a search box: at most `max` characters, and no NUL (PostgreSQL cannot
 * compare or store one, so a hand-edited `?q=%00` would fail the query): such text is ignored
 * like any other unusable parameter.
 */
export const searchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !v.includes("\u0000"))
    .optional()
    .catch(undefined);
export const nameParam = searchText(100).transform((v) => (v ? v : undefined));
export const reviewParam = z.enum(REVIEW_FILTERS).optional().catch(undefined);
