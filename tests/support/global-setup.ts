import { openDatabase } from "@/db/client";

// On a real PostgreSQL, migrate once before the files run in parallel (PGlite files migrate
// their own in-memory database).
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const handle = await openDatabase({ url });
  await handle.close();
}
