import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, patients } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createPatient } from "@/lib/patients/create-patient";
import { getPatient } from "@/lib/patients/get-patient";
import { CASELOAD_PAGE_SIZE, listCaseload } from "@/lib/patients/list-caseload";
import { updatePatient } from "@/lib/patients/update-patient";
import { caseloadQuerySchema, patientFormSchema } from "@/lib/validation/patient";
import { actorFor, makeClinic, makeUser, openTestDb, validPatient } from "../support/test-db";

let handle: Awaited<ReturnType<typeof openTestDb>>;
let db: Db;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(() => handle.close());

async function clinicWithClinician() {
  const clinic = await makeClinic(db);
  const user = await makeUser(db, clinic.id);
  return { clinic, user, actor: actorFor(user) };
}

const cq = (o: Record<string, string> = {}) => caseloadQuerySchema.parse(o);
const values = (o: Record<string, string> = {}) => patientFormSchema.parse(validPatient(o));

const auditFor = (clinicId: string, patientId: string) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.patientId, patientId)));

describe("patients", () => {
  it("creates a patient in the caller's clinic and caseload, with an audit event", async () => {
    const { actor } = await clinicWithClinician();
    const p = await createPatient(db, actor, values({ firstName: "Ada" }));
    expect(p.clinicId).toBe(actor.clinicId);
    expect(p.clinicianId).toBe(actor.userId);
    const events = await auditFor(actor.clinicId, p.id);
    expect(events.map((e) => e.action)).toEqual(["patient.create"]);
    expect(events[0]).toMatchObject({ actorUserId: actor.userId, ip: "127.0.0.1", entityType: "patient" });
  });

  it("records every view", async () => {
    const { actor } = await clinicWithClinician();
    const p = await createPatient(db, actor, values());
    await getPatient(db, actor, p.id);
    await getPatient(db, actor, p.id);
    expect((await auditFor(actor.clinicId, p.id)).filter((e) => e.action === "patient.view")).toHaveLength(2);
  });

  it("hides another clinic's patient as not found, and audits nothing for it", async () => {
    const a = await clinicWithClinician();
    const b = await clinicWithClinician();
    const p = await createPatient(db, a.actor, values());
    await expect(getPatient(db, b.actor, p.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(updatePatient(db, b.actor, { ...values(), patientId: p.id, version: 1 })).rejects.toMatchObject({ kind: "not_found" });
    const [unchanged] = await db.select().from(patients).where(eq(patients.id, p.id));
    expect(unchanged?.version).toBe(1);
    expect((await auditFor(b.actor.clinicId, p.id)).length).toBe(0);
  });

  it("updates with the version read, and refuses a stale version", async () => {
    const { actor } = await clinicWithClinician();
    const p = await createPatient(db, actor, values({ firstName: "Before" }));
    const saved = await updatePatient(db, actor, { ...values({ firstName: "After" }), patientId: p.id, version: 1 });
    expect(saved.version).toBe(2);
    expect(saved.firstName).toBe("After");
    const stale = updatePatient(db, actor, { ...values({ firstName: "Lost update" }), patientId: p.id, version: 1 });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ kind: "conflict" });
    const [row] = await db.select().from(patients).where(eq(patients.id, p.id));
    expect(row?.firstName).toBe("After");
    const update = (await auditFor(actor.clinicId, p.id)).filter((e) => e.action === "patient.update");
    expect(update).toHaveLength(1);
    expect(update[0]?.detail).toMatchObject({ fields: ["firstName", "lastName"] });
  });

  it("lists only the clinician's own patients, searchable and paginated", async () => {
    const { clinic, actor } = await clinicWithClinician();
    const colleague = actorFor(await makeUser(db, clinic.id));
    for (let i = 0; i < CASELOAD_PAGE_SIZE + 3; i++) await createPatient(db, actor, values({ lastName: `Zed${String(i).padStart(2, "0")}` }));
    await createPatient(db, actor, values({ firstName: "Findme", lastName: "O'Neill" }));
    await createPatient(db, colleague, values({ firstName: "Findme", lastName: "Colleague" }));

    const page1 = await listCaseload(db, actor, cq({ page: "1" }));
    expect(page1.total).toBe(CASELOAD_PAGE_SIZE + 4);
    expect(page1.rows).toHaveLength(CASELOAD_PAGE_SIZE);
    const page2 = await listCaseload(db, actor, cq({ page: "2" }));
    expect(page2.rows).toHaveLength(4);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(CASELOAD_PAGE_SIZE + 4);

    const found = await listCaseload(db, actor, cq({ q: "findme" }));
    expect(found.rows.map((r) => r.lastName)).toEqual(["O'Neill"]);
    // LIKE wildcards in a search are literal characters, not patterns.
    expect((await listCaseload(db, actor, cq({ q: "%" }))).total).toBe(0);
  });
});

describe("database constraints and the audit table", () => {
  it("rejects a blank name even when the application is bypassed", async () => {
    const { actor } = await clinicWithClinician();
    await expect(
      db.insert(patients).values({ clinicId: actor.clinicId, clinicianId: actor.userId, firstName: "  ", lastName: "X", dateOfBirth: "1990-01-01", sex: "male", sport: "running" }),
    ).rejects.toThrow();
  });

  it("rejects a patient assigned to a clinician of another clinic", async () => {
    const a = await clinicWithClinician();
    const b = await clinicWithClinician();
    await expect(
      db.insert(patients).values({ clinicId: a.actor.clinicId, clinicianId: b.actor.userId, firstName: "A", lastName: "B", dateOfBirth: "1990-01-01", sex: "male", sport: "running" }),
    ).rejects.toThrow();
  });

  it("refuses UPDATE and DELETE on audit events", async () => {
    const { actor } = await clinicWithClinician();
    const p = await createPatient(db, actor, values());
    // drizzle wraps the driver's error; the trigger's message is its cause.
    const appendOnly = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(db.execute(sql`update audit_events set action = 'x' where patient_id = ${p.id}`)).rejects.toMatchObject(appendOnly);
    await expect(db.execute(sql`delete from audit_events where patient_id = ${p.id}`)).rejects.toMatchObject(appendOnly);
    expect(await auditFor(actor.clinicId, p.id)).toHaveLength(1);
  });
});
