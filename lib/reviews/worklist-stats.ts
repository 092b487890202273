import { addDays, buildReviewContext, resolveSettings, type CheckInReviewInput, type EngineSettings } from "@/lib/clinical";

// Pure: the worklist's check-in columns for one patient as of `today` (issue 13). Flares are
// counted the way the review counts them (a session that broke the red light), from the same
// review context, so the worklist and the review never disagree.

export type WorklistStats = { lastCheckInOn: string | null; flaresLast7Days: number; dataDaysLast30: number };

export function worklistStats(v: {
  today: string;
  sessionDates: readonly string[];
  input: CheckInReviewInput | null;
  engine?: Partial<EngineSettings>;
}): WorklistStats {
  const past = v.sessionDates.filter((d) => d <= v.today);
  const lastCheckInOn = past.length ? past.reduce((a, b) => (a > b ? a : b)) : null;
  if (v.input) {
    const ctx = buildReviewContext(v.input, resolveSettings(v.engine));
    return { lastCheckInOn, flaresLast7Days: ctx.all.filter((s) => s.daysAgo <= 6 && s.red.length > 0).length, dataDaysLast30: ctx.dataDaysLast30 };
  }
  const from = addDays(v.today, -29);
  return { lastCheckInOn, flaresLast7Days: 0, dataDaysLast30: new Set(past.filter((d) => d >= from)).size };
}
