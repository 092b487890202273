import type { QueuedSuggestion } from "./queue-order";

/** The queue's names for what the engine suggests (clinician screens). */
export const SUGGESTION_WORDS: Record<QueuedSuggestion, { label: string; tone: "urgent" | "warn" | "calm" | "good" }> = {
  urgent_care: { label: "Urgent report", tone: "urgent" },
  seek_care: { label: "Seek care", tone: "warn" },
  regress: { label: "Regress", tone: "calm" },
  progress: { label: "Progress", tone: "good" },
};
