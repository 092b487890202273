// `npm run worker`: the reminder scheduler and outbox worker as their own process, for
// PostgreSQL deployments (ADR 0030). App servers run the same tick; several may run at once
// (advisory lock for the scheduler, FOR UPDATE SKIP LOCKED for the outbox). Not for the embedded
// database: PGlite allows one process, and the app server already runs it there.
import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { reminderTick } from "@/lib/reminders/schedule-reminders";

const e = env();
if (!e.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL). On the embedded database the app server runs reminders itself.");
  process.exit(2);
}
const everyMs = Number(process.env.WORKER_INTERVAL_MS ?? 60_000);
const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.pgliteDir, migrate: false });
let stopping = false;
const stop = () => (stopping = true);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
console.log(`[worker] reminders every ${everyMs} ms`);
while (!stopping) {
  try {
    const r = await reminderTick(handle.db);
    if (r.worked.claimed > 0 || (r.queued.ran && r.queued.queued > 0)) console.log("[worker]", JSON.stringify({ queued: r.queued, ...r.worked }));
  } catch (err) {
    console.error("[worker] tick failed:", err instanceof Error ? err.name : typeof err);
  }
  for (let waited = 0; waited < everyMs && !stopping; waited += 500) await new Promise((r) => setTimeout(r, 500));
}
await handle.close();
