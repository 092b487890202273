// Run by `npm start` before the server opens the embedded database (PGlite allows one process):
// creates the auth secret, applies migrations and seeds the demo clinics on first start.
import { openDatabase } from "@/db/client";
import { databaseIsEmpty, demoSignInText, seedDemo } from "@/db/seed";
import { env } from "@/lib/env";

const e = env();
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
      console.log(`New embedded database at ${e.pgliteDir}: demo clinics seeded.`);
    }
  } finally {
    await handle.close();
  }
  console.log(demoSignInText());
}
