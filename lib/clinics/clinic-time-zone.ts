import "server-only";
import type { DbOrTx } from "@/db/client";
import { timeZoneOf } from "@/lib/time/clock";
import { getClinicSettings } from "./get-clinic-settings";

/** The time zone the clinic's screens show times in (its setting, else the documented default). */
export async function clinicTimeZone(db: DbOrTx, clinicId: string): Promise<string> {
  return timeZoneOf((await getClinicSettings(db, clinicId)).timeZone);
}
