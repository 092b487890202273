// Seeds one clinic with a published copy of the sample plan (lib/pdf/sample.ts) into the database
// the environment names (PGLITE_DIR or DATABASE_URL), through the real services, and prints the
// patient link's token as `TOKEN <token>`. Used by the PDF bench before it starts the server.
import { randomUUID } from "node:crypto";
import { openDatabase } from "@/db/client";
import { assessments, clinics, patients, users } from "@/db/schema";
import { evaluate } from "@/lib/clinical";
import { env } from "@/lib/env";
import { samplePlanInput } from "@/lib/pdf/sample";
import { createPlan } from "@/lib/plans/create-plan";
import { publishPlan } from "@/lib/plans/publish-plan";

const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.pgliteDir });
try {
  const db = handle.db;
  const [clinic] = await db.insert(clinics).values({ name: "Harbour Sports Physio (bench)" }).returning();
  const [user] = await db
    .insert(users)
    .values({ clinicId: clinic!.id, email: `pdf-bench-${randomUUID().slice(0, 8)}@bench.loadwise.test`, name: "Sam Clinician", role: "clinician", passwordHash: "not-a-real-hash" })
    .returning();
  const actor = { clinicId: clinic!.id, userId: user!.id, role: user!.role, name: user!.name, email: user!.email, sessionId: randomUUID(), ip: "127.0.0.1", userAgent: "bench" };
  const [patient] = await db
    .insert(patients)
    .values({ clinicId: clinic!.id, clinicianId: user!.id, firstName: "Alex", lastName: "Example", dateOfBirth: "1990-01-01", sex: "female", sport: "running" })
    .returning();
  const input = samplePlanInput();
  const evaluation = evaluate(input);
  const [a] = await db
    .insert(assessments)
    .values({
      clinicId: clinic!.id,
      patientId: patient!.id,
      kind: "initial",
      status: "final",
      input: { ...input, contractVersion: 1 } as never,
      evaluation,
      rulesetVersion: evaluation.rulesetVersion,
      finalizedAt: new Date(),
      finalizedBy: user!.id,
      currentStep: 7,
      createdBy: user!.id,
    })
    .returning();
  const { plan } = await createPlan(db, actor, { patientId: patient!.id, assessmentId: a!.id });
  const r = await publishPlan(db, actor, { patientId: patient!.id, planId: plan.id, version: plan.version });
  if (!r.link) throw new Error("publishing issued no link");
  console.log(`TOKEN ${r.link.path.slice(3)}`);
} finally {
  await handle.close();
}
