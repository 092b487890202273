// `npm run db:seed:large`: adds a clinic with 50,000 patients and 250,000 assessments to the
// configured database (DATABASE_URL, or the embedded one: stop `npm start` first, PGlite allows
// one process). Flags: --patients N --per-patient K --clinicians M; --check-in-patients F (the
// fraction of patients with check-ins, default 0.2; 0 for none) --check-ins N (per patient, 20)
// --refresh-concurrency C (review refreshes in flight, default 8).
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { LARGE_DEFAULTS, refreshLargeClinicReviews, seedLargeClinic } from "@/db/seed-large";
import { env } from "@/lib/env";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const opts = {
  patients: arg("patients", LARGE_DEFAULTS.patients),
  assessmentsPerPatient: arg("per-patient", LARGE_DEFAULTS.assessmentsPerPatient),
  clinicians: arg("clinicians", LARGE_DEFAULTS.clinicians),
  checkIns: { patientsFraction: arg("check-in-patients", LARGE_DEFAULTS.checkIns!.patientsFraction), perPatient: arg("check-ins", LARGE_DEFAULTS.checkIns!.perPatient) },
};
const withCheckIns = opts.checkIns.patientsFraction > 0 && opts.checkIns.perPatient > 0;
const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.pgliteDir });
try {
  const t = performance.now();
  const r = await seedLargeClinic(handle.db, { ...opts, checkIns: withCheckIns ? opts.checkIns : undefined });
  // Fresh statistics and visibility map, as autovacuum would leave them (PGlite has none).
  await handle.db.execute(sql`vacuum analyze`);
  console.log(`Seeded "${r.name}": ${opts.patients} patients, ${opts.patients * opts.assessmentsPerPatient} assessments in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
  if (withCheckIns) {
    console.log(`${r.plansWithCheckIns} patients with ${opts.checkIns.perPatient} check-ins each (${r.plansWithCheckIns * opts.checkIns.perPatient} check-ins).`);
    const concurrency = arg("refresh-concurrency", 8);
    const refreshed = await refreshLargeClinicReviews(handle.db, r.clinicId, { concurrency, onProgress: (n, of) => process.stderr.write(`  reviews refreshed: ${n}/${of}\n`) });
    await handle.db.execute(sql`vacuum analyze`);
    console.log(`Review refresh: ${refreshed.plans} plans in ${refreshed.seconds.toFixed(1)} s (${Math.round(refreshed.plans / refreshed.seconds)} plans/s, ${concurrency} in flight).`);
  }
  console.log(`Admin: ${r.adminEmail} (password: the demo password, loadwise-demo).`);
  console.log(`Clinician: ${r.clinicianEmail} (the same password).`);
} finally {
  await handle.close();
}
