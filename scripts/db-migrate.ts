// Applies committed migrations to the configured database (DATABASE_URL, or the embedded one).
import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";

const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.pgliteDir });
await handle.close();
console.log(`Migrations applied to ${e.DATABASE_URL ? "DATABASE_URL" : e.pgliteDir}.`);
