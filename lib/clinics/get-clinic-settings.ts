import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { clinics, type ClinicSettings } from "@/db/schema";

/** The caller's clinic settings (units, paper, engine thresholds); defaults fill the gaps. */
export async function getClinicSettings(db: DbOrTx, clinicId: string): Promise<ClinicSettings & { clinicName: string }> {
  const [row] = await db.select({ name: clinics.name, settings: clinics.settings }).from(clinics).where(eq(clinics.id, clinicId));
  return { ...(row?.settings ?? {}), clinicName: row?.name ?? "" };
}
