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

/** Largest JSON body an API accepts, and the most items in one batch (an array body). */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;
export const MAX_BATCH_ITEMS = 500;

const tooLarge = (message: string) => json(413, { error: { code: "too_large:body", message } });

/** Reads the body as text, giving up as soon as it passes `maxBytes` (a client may lie in Content-Length). */
async function readCapped(req: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * Reads a JSON body: malformed JSON is the caller's 400, not our 500; a body over `maxBytes` or a
 * batch (an array) over `maxItems` is a 413 that says the limit, so one request cannot tie up a
 * server for minutes.
 */
export async function readJson(
  req: Request,
  limits: { maxBytes?: number; maxItems?: number } = {},
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const maxBytes = limits.maxBytes ?? MAX_JSON_BYTES;
  const maxItems = limits.maxItems ?? MAX_BATCH_ITEMS;
  const text = await readCapped(req, maxBytes).catch(() => undefined);
  if (text === null) return { ok: false, response: tooLarge(`The body is larger than ${Math.round(maxBytes / 1024)} KiB.`) };
  let body: unknown;
  try {
    if (text === undefined) throw new Error("unreadable body");
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: json(400, { error: { code: "invalid:json", message: "The body is not valid JSON." } }) };
  }
  if (Array.isArray(body) && body.length > maxItems) {
    return { ok: false, response: tooLarge(`A batch holds at most ${maxItems} items; this one has ${body.length}. Send it in parts.`) };
  }
  return { ok: true, body };
}

export { json as jsonResponse };
