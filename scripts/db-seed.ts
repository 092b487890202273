// Seeds the demo clinics into the configured database. Asking for it explicitly is the only way
// demo data reaches a database given by DATABASE_URL.
import { openDatabase } from "@/db/client";
import { demoSignInText, seedDemo } from "@/db/seed";
import { seedDemoHistory } from "@/db/seed-demo-history";
import { env } from "@/lib/env";

const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.pgliteDir });
try {
  const { created } = await seedDemo(handle.db);
  await seedDemoHistory(handle.db);
  console.log(created.length ? `Seeded: ${created.join(", ")}` : "Demo clinics already present; nothing added.");
  console.log(demoSignInText());
} finally {
  await handle.close();
}
