import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, patients } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { form, redirectTarget } from "../support/actions";
import { actorFor, makeClinic, makeUser, openTestDb, validPatient } from "../support/test-db";

// The actions run as in Next, minus Next: the session comes from this stub, the database is
// this file's, and revalidatePath is a no-op outside a request.
const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { createPatientAction, updatePatientAction } = await import("@/app/(clinic)/patients/actions");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  current.actor = null;
});

async function signedInClinician() {
  const clinic = await makeClinic(handle.db);
  current.actor = actorFor(await makeUser(handle.db, clinic.id));
  return current.actor;
}

describe("createPatientAction", () => {
  it("returns every field error, keeps what was typed, and writes nothing", async () => {
    const actor = await signedInClinician();
    const state = await createPatientAction(null, form({ firstName: "", lastName: "Kept", dateOfBirth: "31/02/1990", sex: "x", sport: "", email: "not-an-email" }));
    expect(state?.ok).toBe(false);
    expect(Object.keys(state?.fieldErrors ?? {}).sort()).toEqual(["dateOfBirth", "email", "firstName", "sex", "sport"]);
    expect(state?.values?.lastName).toBe("Kept");
    const rows = await handle.db.select().from(patients).where(eq(patients.clinicId, actor.clinicId));
    expect(rows).toHaveLength(0);
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.clinicId, actor.clinicId));
    expect(events).toHaveLength(0);
  });

  it("creates the patient and redirects to it", async () => {
    const actor = await signedInClinician();
    const target = await redirectTarget(createPatientAction(null, form(validPatient({ firstName: "Created" }))));
    const [row] = await handle.db.select().from(patients).where(eq(patients.clinicId, actor.clinicId));
    expect(row?.firstName).toBe("Created");
    expect(target).toBe(`/patients/${row?.id}?created=1`);
  });

  it("sends a signed-out caller to sign-in without writing", async () => {
    const before = (await handle.db.select().from(patients)).length;
    expect(await redirectTarget(createPatientAction(null, form(validPatient())))).toBe("/login");
    expect((await handle.db.select().from(patients)).length).toBe(before);
  });
});

describe("updatePatientAction", () => {
  it("cannot touch another clinic's patient", async () => {
    const owner = await signedInClinician();
    await redirectTarget(createPatientAction(null, form(validPatient({ firstName: "Mine" }))));
    const [mine] = await handle.db.select().from(patients).where(eq(patients.clinicId, owner.clinicId));

    await signedInClinician(); // someone in another clinic
    const state = await updatePatientAction(null, form({ ...validPatient({ firstName: "Stolen" }), patientId: mine!.id, version: "1" }));
    expect(state).toMatchObject({ ok: false, formError: "Patient not found" });
    const [after] = await handle.db.select().from(patients).where(eq(patients.id, mine!.id));
    expect(after?.firstName).toBe("Mine");
  });

  it("reports a concurrent edit instead of overwriting it", async () => {
    const actor = await signedInClinician();
    await redirectTarget(createPatientAction(null, form(validPatient({ firstName: "V1" }))));
    const [p] = await handle.db.select().from(patients).where(eq(patients.clinicId, actor.clinicId));
    const first = await redirectTarget(updatePatientAction(null, form({ ...validPatient({ firstName: "Tab A" }), patientId: p!.id, version: "1" })));
    expect(first).toBe(`/patients/${p!.id}?saved=1`);
    const second = await updatePatientAction(null, form({ ...validPatient({ firstName: "Tab B" }), patientId: p!.id, version: "1" }));
    expect(second?.ok).toBe(false);
    expect(second?.formError).toMatch(/someone else saved/i);
    expect(second?.values?.firstName).toBe("Tab B");
    const [row] = await handle.db.select().from(patients).where(eq(patients.id, p!.id));
    expect(row?.firstName).toBe("Tab A");
  });
});
