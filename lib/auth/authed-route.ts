import "server-only";
import { getDb, type Db } from "@/db/client";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/db/unavailable";
import type { UserRole } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { getActor } from "./require-user";
import { crossSiteRefusal } from "./same-origin";

type RouteCtx<P> = { actor: Actor; db: Db; params: P };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

const unavailable = () =>
  json(503, { error: { code: "unavailable:database", message: DATABASE_UNAVAILABLE_MESSAGE } }, { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) });

/**
 * Route handlers' twin of authedAction: 403 for a cross-site state change, 401 signed out, 403
 * wrong role, typed errors mapped once.
 */
export function authedRoute<P = Record<string, string>>(
  opts: { roles: readonly UserRole[] },
  fn: (req: Request, ctx: RouteCtx<P>) => Promise<Response>,
) {
  return async (req: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const refused = crossSiteRefusal(req);
    if (refused) return refused;
    let actor: Actor | null;
    try {
      actor = await getActor();
    } catch (err) {
      if (isDatabaseUnavailable(err)) return unavailable();
      throw err;
    }
    if (!actor) return json(401, { error: { code: "unauthorized:session", message: "Sign in first." } });
    if (!opts.roles.includes(actor.role)) {
      return json(403, { error: { code: "forbidden:role", message: "Your role does not allow this." } });
    }
    try {
      return await fn(req, { actor, db: await getDb(), params: await segment.params });
    } catch (err) {
      if (isAppError(err)) {
        return json(err.status, { error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } });
      }
      if (isDatabaseUnavailable(err)) return unavailable();
      console.error("[route] unexpected failure", err instanceof Error ? err.name : typeof err);
      return json(500, { error: { code: "internal:server", message: "Something went wrong." } });
    }
  };
}

/** Reads a JSON body; malformed JSON is the caller's 400, not our 500. */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await req.json() };
  } catch {
    return { ok: false, response: json(400, { error: { code: "invalid:json", message: "The body is not valid JSON." } }) };
  }
}

export { json as jsonResponse };
