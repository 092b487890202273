import "server-only";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./client";
import { clinics, patients, users } from "./schema";
import { DEMO_PASSWORD, demoClinics } from "./seed-data";

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(clinics);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds the demo clinics in one transaction. Idempotent by clinic name: running it twice does
 * not duplicate anything.
 */
export async function seedDemo(db: Db): Promise<{ created: string[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  await db.transaction(async (tx) => {
    for (const c of demoClinics) {
      const existing = await tx.select({ id: clinics.id }).from(clinics).where(sql`${clinics.name} = ${c.name}`).limit(1);
      if (existing.length > 0) continue;
      const [clinic] = await tx.insert(clinics).values({ name: c.name, settings: c.settings }).returning();
      const userRows = await tx
        .insert(users)
        .values(c.users.map((u) => ({ clinicId: clinic!.id, email: u.email, name: u.name, role: u.role, passwordHash })))
        .returning();
      await tx.insert(patients).values(
        c.patients.map(([firstName, lastName, dateOfBirth, sex, sport, level, owner]) => ({
          clinicId: clinic!.id,
          clinicianId: userRows[owner]!.id,
          firstName,
          lastName,
          dateOfBirth,
          sex,
          sport,
          level,
        })),
      );
      created.push(c.name);
    }
  });
  return { created };
}

export function demoSignInText(): string {
  return [
    "Demo sign-in (password for every account: " + DEMO_PASSWORD + ")",
    ...demoClinics.flatMap((c) => c.users.map((u) => `  ${u.email.padEnd(30)} ${u.role.padEnd(9)} ${c.name}`)),
  ].join("\n");
}
