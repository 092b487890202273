// Run by `npm start` before the server opens the embedded database (PGlite allows one process):
// creates the auth secret, applies migrations and seeds the demo clinics on first start.
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { databaseIsEmpty, demoSignInText, seedDemo } from "@/db/seed";
import { seedDemoHistory } from "@/db/seed-demo-history";
import { env, EnvError } from "@/lib/env";

let e: ReturnType<typeof env>;
try {
  e = env();
} catch (err) {
  // A configuration mistake is the operator's to fix: say what, without a stack trace.
  if (err instanceof EnvError) {
    console.error(`Loadwise cannot start: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
if (e.DATABASE_URL) {
  // A real database is the operator's: migrate it, never seed it unasked.
  const handle = await openDatabase({ url: e.DATABASE_URL });
  await handle.close();
  console.log("Database migrated (DATABASE_URL). Demo data is only added by `npm run db:seed`.");
} else {
  const handle = await openDatabase({ pgliteDir: e.pgliteDir });
  try {
    if (await databaseIsEmpty(handle.db)) {
      await seedDemo(handle.db);
      const assessed = await seedDemoHistory(handle.db);
      console.log(`New embedded database at ${e.pgliteDir}: demo clinics seeded (${assessed} patients with an assessment).`);
    }
    // PGlite runs no autovacuum: refresh planner statistics and the visibility map at each start
    // so queries keep their index plans as the data grows.
    await handle.db.execute(sql`vacuum analyze`);
  } finally {
    await handle.close();
  }
  console.log(demoSignInText());
}
