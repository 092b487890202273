// The pages bench's own database work (scripts/bench/pages.ts), run before the server starts
// (PGlite allows one process) through scripts/run-ts.mjs, on the configured database. Prints JSON:
//   pages-db.ts CLINICIAN_EMAIL
// - a patient link the bench can open: one of the clinician's seeded links gets a token the bench
//   knows (the seed stores only hashes of tokens nobody kept);
// - an assessment step page: a draft opened by the real service for another of their patients.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { patients, planLinks, users } from "@/db/schema";
import { createDraft } from "@/lib/assessments/create-draft";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { newPatientLinkToken } from "@/lib/plans/patient-link-token";

const email = process.argv[2];
if (!email) throw new Error("usage: pages-db.ts CLINICIAN_EMAIL");
const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.pgliteDir });
try {
  const db = handle.db;
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user) throw new Error(`no user ${email}`);
  const [link] = await db
    .select({ id: planLinks.id, patientId: planLinks.patientId })
    .from(planLinks)
    .innerJoin(patients, and(eq(patients.clinicId, planLinks.clinicId), eq(patients.id, planLinks.patientId)))
    .where(and(eq(planLinks.clinicId, user.clinicId), eq(patients.clinicianId, user.id), eq(patients.status, "active"), isNotNull(planLinks.expiresAt)))
    .orderBy(asc(planLinks.patientId))
    .limit(1);
  if (!link) throw new Error(`no patient link on ${email}'s caseload (seed with check-ins?)`);
  const { token, hash } = newPatientLinkToken();
  await db.update(planLinks).set({ tokenHash: hash }).where(and(eq(planLinks.clinicId, user.clinicId), eq(planLinks.id, link.id)));
  const [other] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.clinicId, user.clinicId), eq(patients.clinicianId, user.id), eq(patients.status, "active")))
    .orderBy(asc(patients.lastName), asc(patients.id))
    .limit(1);
  if (!other) throw new Error(`no active patient for ${email}`);
  const actor: Actor = { clinicId: user.clinicId, userId: user.id, role: user.role, name: user.name, email: user.email, sessionId: "bench", ip: null, userAgent: "bench" };
  const draft = await createDraft(db, actor, other.id);
  process.stdout.write(`${JSON.stringify({ token, stepPath: `/patients/${other.id}/assessments/${draft.assessment.id}/step/4` })}\n`);
} finally {
  await handle.close();
}
