// Runs once when a server starts (not at build).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Logs carry no patient data: query parameters are redacted from anything logged.
  const { installLogRedaction } = await import("@/lib/log-redaction");
  installLogRedaction();
  // A missing or invalid setting stops start-up with a clear message instead of failing on the
  // first request.
  const { env } = await import("@/lib/env");
  env();
  // Expired rate-limit counters, sessions and password links are pruned on a schedule by every
  // app server; an advisory lock lets one at a time do it.
  const { getDb } = await import("@/db/client");
  const { scheduleHousekeeping } = await import("@/lib/housekeeping/run-housekeeping");
  scheduleHousekeeping(getDb);
  // Reminders (ADR 0030): the scheduler tick and the outbox worker, every minute, in every server.
  const { scheduleReminders } = await import("@/lib/reminders/schedule-reminders");
  scheduleReminders(getDb);
}
