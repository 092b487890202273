"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { setPasswordWithLink } from "@/lib/admin/set-password";
import type { ActionState } from "@/lib/auth/action-state";
import { requestMeta } from "@/lib/auth/request-meta";
import { isAppError } from "@/lib/errors";
import { setPasswordSchema } from "@/lib/validation/admin";

/** No session here: the one-time link is the credential, checked and consumed in one transaction. */
export async function setPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = setPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await setPasswordWithLink(await getDb(), parsed.data, requestMeta(await headers()));
  } catch (err) {
    if (isAppError(err)) return { ok: false, formError: err.message };
    throw err;
  }
  redirect("/login?passwordSet=1");
}
