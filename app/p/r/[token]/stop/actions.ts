"use server";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import type { ActionState } from "@/lib/auth/action-state";
import { requestMeta } from "@/lib/auth/request-meta";
import { stopRemindersFromLink } from "@/lib/reminders/set-reminder-consent";
import { clockForRequest } from "@/lib/time/request-clock";
import { stopRemindersSchema } from "@/lib/validation/reminders";

const GONE = "This link no longer works, so nothing changed. Ask your clinic to stop the reminders.";

// The stop link's confirmation (POST). No session: the reminder's token is the credential, checked
// against its hash and its live patient link by the service, which records the change.
export async function stopRemindersAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const raw = { token: typeof fd.get("token") === "string" ? (fd.get("token") as string) : "" };
  const parsed = stopRemindersSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, formError: GONE };
  const h = await headers();
  const r = await stopRemindersFromLink(await getDb(), parsed.data.token, requestMeta(h), clockForRequest(h).now());
  if (r.kind === "not_found") return { ok: false, formError: GONE };
  const clinic = r.clinicName || "your clinic";
  return { ok: true, message: r.already ? `Reminders from ${clinic} were already stopped.` : `Done. You will get no more reminders from ${clinic}.` };
}
