// `npm run db:seed:large`: adds a clinic with 50,000 patients and 250,000 assessments to the
// configured database (DATABASE_URL, or the embedded one: stop `npm start` first, PGlite allows
// one process). Flags: --patients N --per-patient K --clinicians M.
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { LARGE_DEFAULTS, seedLargeClinic } from "@/db/seed-large";
import { env } from "@/lib/env";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const opts = {
  patients: arg("patients", LARGE_DEFAULTS.patients),
  assessmentsPerPatient: arg("per-patient", LARGE_DEFAULTS.assessmentsPerPatient),
  clinicians: arg("clinicians", LARGE_DEFAULTS.clinicians),
};
const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.pgliteDir });
try {
  const t = performance.now();
  const r = await seedLargeClinic(handle.db, opts);
  // Fresh statistics and visibility map, as autovacuum would leave them (PGlite has none).
  await handle.db.execute(sql`vacuum analyze`);
  console.log(`Seeded "${r.name}": ${opts.patients} patients, ${opts.patients * opts.assessmentsPerPatient} assessments in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
  console.log(`Admin: ${r.adminEmail} (password: the demo password, loadwise-demo).`);
} finally {
  await handle.close();
}
