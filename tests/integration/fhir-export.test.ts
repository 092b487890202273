import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resource } from "@medplum/fhirtypes";
import { openDatabase } from "@/db/client";
import { auditEvents, clinics, patients, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { seedDemoHistory } from "@/db/seed-demo-history";
import type { Actor } from "@/lib/auth/actor";
import { exportPatientFhir } from "@/lib/fhir/export-patient";
import { fromQuestionnaireResponse } from "@/lib/fhir/questionnaire-response";
import { loadFhirValidator } from "@/tests/support/fhir-validate";

// The demo clinic's patients exported as FHIR: every resource valid R4 (Medplum's validator), the
// answers reading back as the stored input, the export audited once, another clinic a 404.

let handle: Awaited<ReturnType<typeof openDatabase>>;
let validate: (r: Resource) => string[];
const actorOf = (u: typeof users.$inferSelect): Actor => ({ clinicId: u.clinicId, userId: u.id, role: u.role, name: u.name, email: u.email, sessionId: "s", ip: null, userAgent: "vitest" });

beforeAll(async () => {
  validate = await loadFhirValidator();
  handle = await openDatabase({});
  await seedDemo(handle.db);
  await seedDemoHistory(handle.db);
}, 120_000);
afterAll(() => handle.close());

async function demo() {
  const [clinic] = await handle.db.select().from(clinics).where(eq(clinics.name, "Loadwise Demo Clinic"));
  const staff = await handle.db.select().from(users).where(eq(users.clinicId, clinic!.id));
  const pt = staff.find((u) => u.email === "pt@demo.loadwise.test")!;
  const admin = staff.find((u) => u.role === "admin")!;
  const list = await handle.db.select().from(patients).where(eq(patients.clinicId, clinic!.id));
  return { clinic: clinic!, pt: actorOf(pt), admin: actorOf(admin), patients: list };
}

describe("FHIR export of the demo clinic", () => {
  it("every resource of every demo patient's export passes R4 validation with zero errors", async () => {
    const { pt, patients: list } = await demo();
    expect(list.length).toBeGreaterThan(3);
    const kinds = new Set<string>();
    for (const p of list) {
      const bundle = await exportPatientFhir(handle.db, pt, p.id);
      expect(validate(bundle), p.lastName).toEqual([]);
      for (const e of bundle.entry ?? []) {
        kinds.add(e.resource!.resourceType);
        expect(validate(e.resource!), `${p.lastName} ${e.resource!.resourceType}`).toEqual([]);
      }
    }
    // The demo covers answers, observations, a published plan, provenance and review decisions.
    for (const k of ["Patient", "QuestionnaireResponse", "Observation", "CarePlan", "Provenance", "Practitioner", "Organization"]) expect(kinds).toContain(k);
  }, 120_000);

  it("the answers read back equal the stored (effective) input", async () => {
    const { pt, patients: list } = await demo();
    let compared = 0;
    for (const p of list) {
      const bundle = await exportPatientFhir(handle.db, pt, p.id);
      for (const e of bundle.entry ?? []) {
        if (e.resource?.resourceType !== "QuestionnaireResponse") continue;
        const one = await exportPatientFhir(handle.db, pt, p.id, { assessmentId: e.resource.id! });
        expect(one.entry?.filter((x) => x.resource?.resourceType === "QuestionnaireResponse")).toHaveLength(1);
        const { engineSettings: _settings, ...answers } = (await handle.db.query.assessments.findFirst({ where: (a, { eq: is }) => is(a.id, e.resource!.id!) }))!.input as Record<string, unknown>;
        const amended = e.resource.status === "amended";
        if (!amended) expect(fromQuestionnaireResponse(e.resource)).toEqual(JSON.parse(JSON.stringify(answers), (_k, v) => (Array.isArray(v) && v.length === 0 ? undefined : v)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  }, 120_000);

  it("is audited once per export, and an admin of the clinic may export too", async () => {
    const { admin, patients: list } = await demo();
    const p = list[0]!;
    const before = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, p.id), eq(auditEvents.action, "patient.fhir_export")));
    await exportPatientFhir(handle.db, admin, p.id);
    const after = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.patientId, p.id), eq(auditEvents.action, "patient.fhir_export")));
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toMatchObject({ actorUserId: admin.userId, clinicId: admin.clinicId, entityType: "patient" });
  });

  it("another clinic's patient (or assessment) is not found, and writes no export event", async () => {
    const { patients: list } = await demo();
    const [other] = await handle.db.insert(clinics).values({ name: `Other clinic ${Date.now()}` }).returning();
    const [u] = await handle.db.insert(users).values({ clinicId: other!.id, email: `c2-${Date.now()}@x.test`, name: "C2", role: "clinician", passwordHash: "x" }).returning();
    const c2 = actorOf(u!);
    await expect(exportPatientFhir(handle.db, c2, list[0]!.id)).rejects.toMatchObject({ status: 404 });
    await expect(exportPatientFhir(handle.db, c2, "not-a-uuid")).rejects.toMatchObject({ status: 404 });
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, other!.id), eq(auditEvents.action, "patient.fhir_export")));
    expect(events).toEqual([]);
  });

  it("a patient with nothing finalized gets a Bundle with just the Patient", async () => {
    const { pt, clinic } = await demo();
    const [p] = await handle.db
      .insert(patients)
      .values({ clinicId: clinic.id, clinicianId: pt.userId, firstName: "New", lastName: "Person", dateOfBirth: "1995-05-05", sex: "unspecified", sport: "lifting" })
      .returning();
    const bundle = await exportPatientFhir(handle.db, pt, p!.id);
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual(["Patient"]);
    expect(validate(bundle)).toEqual([]);
    await expect(exportPatientFhir(handle.db, pt, p!.id, { assessmentId: p!.id })).rejects.toMatchObject({ status: 404 });
  });
});
