import { randomUUID } from "node:crypto";
import { openDatabase, type Db } from "@/db/client";
import { clinics, users, type UserRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/**
 * One database per test file: an in-memory PGlite (migrated here, ~4 s), or the real PostgreSQL
 * named by TEST_DATABASE_URL (migrated once by tests/support/global-setup.ts). Tests isolate
 * themselves by data: each makes its own clinic.
 */
export async function openTestDb() {
  const url = process.env.TEST_DATABASE_URL;
  return url ? openDatabase({ url, migrate: false }) : openDatabase({});
}

// The password test users sign in with (hashed once per file where a test needs it).
export const TEST_PASSWORD = "correct horse battery";

export async function makeClinic(db: Db, name = `Clinic ${randomUUID().slice(0, 8)}`) {
  const [clinic] = await db.insert(clinics).values({ name }).returning();
  return clinic!;
}

export async function makeUser(db: Db, clinicId: string, opts: { role?: UserRole; email?: string; passwordHash?: string; active?: boolean } = {}) {
  const [user] = await db
    .insert(users)
    .values({
      clinicId,
      email: opts.email ?? `u-${randomUUID().slice(0, 8)}@test.loadwise.test`,
      name: "Test User",
      role: opts.role ?? "clinician",
      passwordHash: opts.passwordHash ?? "not-a-real-hash",
      active: opts.active ?? true,
    })
    .returning();
  return user!;
}

export function actorFor(user: { clinicId: string; id: string; role: UserRole; name: string; email: string }): Actor {
  return {
    clinicId: user.clinicId,
    userId: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    sessionId: randomUUID(),
    ip: "127.0.0.1",
    userAgent: "vitest",
  };
}

export const validPatient = (overrides: Record<string, string> = {}) => ({
  firstName: "Test",
  lastName: `Patient-${randomUUID().slice(0, 6)}`,
  dateOfBirth: "1990-05-01",
  sex: "female",
  sport: "running",
  level: "recreational",
  email: "",
  phone: "",
  notes: "",
  ...overrides,
});
