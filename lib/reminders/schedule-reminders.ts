import "server-only";
import type { Db } from "@/db/client";
import { channelsFromEnv } from "./channels";
import { enqueueDueReminders } from "./enqueue-due-reminders";
import { runOutboxWorker } from "./outbox-worker";

const g = globalThis as unknown as { __loadwiseReminders?: NodeJS.Timeout; __loadwiseRemindersBusy?: boolean };

/** One tick: queue what is due now (one server at a time, advisory lock), then drain the outbox. */
export async function reminderTick(db: Db, now = new Date()) {
  const queued = await enqueueDueReminders(db, now);
  const worked = await runOutboxWorker(db, { now, channels: channelsFromEnv() });
  return { queued, worked };
}

/**
 * Runs the reminder tick every `everyMs` inside this app server (like housekeeping). PGlite
 * allows one process, so the embedded default has no separate worker; on PostgreSQL every app
 * server ticks, and `npm run worker` can run more. A tick still running skips the next.
 */
export function scheduleReminders(getDb: () => Promise<Db>, everyMs = 60_000) {
  if (g.__loadwiseReminders) return;
  g.__loadwiseReminders = setInterval(() => {
    if (g.__loadwiseRemindersBusy) return;
    g.__loadwiseRemindersBusy = true;
    getDb()
      .then((db) => reminderTick(db))
      .catch((err) => console.error("[reminders] tick skipped:", err instanceof Error ? err.name : typeof err))
      .finally(() => (g.__loadwiseRemindersBusy = false));
  }, everyMs);
  g.__loadwiseReminders.unref();
}
