"use server";
import { AuthError } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/auth/action-state";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/db/unavailable";
import { signIn } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/validation/sign-in";

// Only same-site paths: an open redirect after sign-in would be a phishing aid.
const safeNext = (v: FormDataEntryValue | null) =>
  typeof v === "string" && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/";

// "locked" reaches only a caller who typed the right password (lib/auth/authenticate.ts).
const SIGN_IN_ERRORS: Record<string, string> = {
  invalid: "That email and password don't match an active account.",
  locked: "This account is locked for 15 minutes after repeated failed sign-ins. Try again later, or ask your clinic admin.",
  rate_limited: "Too many failed sign-ins from this network. Wait 15 minutes, then try again.",
  unavailable: DATABASE_UNAVAILABLE_MESSAGE,
};

/** Sign-in is the one action without a session; its checks are the credentials themselves. */
export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values: { email } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(formData.get("next")) });
    return { ok: true };
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof AuthError) {
      return { ok: false, values: { email }, formError: SIGN_IN_ERRORS[(err as { code?: string }).code ?? ""] ?? SIGN_IN_ERRORS.invalid };
    }
    throw err;
  }
}
