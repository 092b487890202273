"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { ActionState } from "@/lib/auth/action-state";
import { NUL_MESSAGE, nulFieldErrors } from "@/lib/auth/form-data";
import { requestMeta } from "@/lib/auth/request-meta";
import type { CheckInResult } from "@/lib/checkins/internal";
import { recordCheckIn } from "@/lib/checkins/record-check-in";
import { recordNextMorning } from "@/lib/checkins/record-next-morning";
import { isPatientLinkToken } from "@/lib/plans/patient-link-token";
import { clockForRequest } from "@/lib/time/request-clock";
import { morningFormSchema, sessionFormSchema } from "@/lib/validation/checkin";
import type { z } from "zod";

// The patient's check-ins: thin adapters. No session here: the token (a hidden field, checked
// against the live hash by the service) is the credential; the proxy counted this POST against the
// address's limit like any other /p/ request (ADR 0014). Then zod, then the service, then back to
// the page, which shows what the plan says now.

const GONE = "This link no longer works, so nothing was saved. Ask your clinic for a new link.";

const valuesOf = (fd: FormData) => {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
};

const fieldErrorsOf = (e: z.ZodError) => {
  const out: Record<string, string[]> = {};
  for (const i of e.issues) {
    const k = String(i.path[0] ?? "form");
    (out[k] ??= []).push(i.message);
  }
  return out;
};

async function run<S extends z.ZodType>(
  schema: S,
  fd: FormData,
  service: (token: string, input: z.infer<S>, meta: ReturnType<typeof requestMeta>, h: Headers) => Promise<CheckInResult>,
  saved: string,
): Promise<ActionState> {
  const values = valuesOf(fd);
  const token = values.token ?? "";
  if (!isPatientLinkToken(token)) return { ok: false, formError: GONE, values };
  const parsed = schema.safeParse(values);
  const nul = nulFieldErrors(values, NUL_MESSAGE);
  if (!parsed.success || nul) {
    return { ok: false, fieldErrors: { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...nul }, formError: "Some answers need another look: see the notes beside them.", values };
  }
  const h = await headers();
  const r = await service(token, parsed.data, requestMeta(h), h);
  if (r.kind === "not_found") return { ok: false, formError: GONE, values };
  if (r.kind === "closed") return { ok: false, formError: r.message, values };
  if (r.kind === "invalid") return { ok: false, fieldErrors: r.fieldErrors, formError: r.formError ?? "Some answers need another look: see the notes beside them.", values };
  redirect(`/p/${token}?saved=${saved}#now`);
}

export async function logSessionAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return run(sessionFormSchema, fd, async (token, input, meta, h) => recordCheckIn(await getDb(), token, input, meta, clockForRequest(h)), "session");
}

export async function logMorningAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return run(morningFormSchema, fd, async (token, input, meta, h) => recordNextMorning(await getDb(), token, input, meta, clockForRequest(h)), "morning");
}
