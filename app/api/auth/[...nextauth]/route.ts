import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/require-user";
import { sameOriginOnly } from "@/lib/auth/same-origin";

/**
 * Auth.js's session endpoint reads only the JWT, which outlives its session row: after sign-out
 * elsewhere, deactivation, "end sessions" or expiry it would still name the account (name,
 * email, clinic) to whoever holds the cookie. The database decides here too (ADR 0003): a session
 * that is not live is no session.
 */
export async function GET(req: NextRequest) {
  if (req.nextUrl.pathname.endsWith("/session") && !(await getActor())) {
    return Response.json(null, { headers: { "cache-control": "no-store" } });
  }
  return handlers.GET(req);
}
// Auth.js checks its own CSRF token on sign-in and sign-out; the Origin check is a second lock.
export const POST = sameOriginOnly(handlers.POST);
