import "server-only";
import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard for route handlers (server actions get Next's own check).
 * A browser names where a request comes from: `Sec-Fetch-Site` (all current browsers) and
 * `Origin` (every cross-origin POST). A state-changing request is refused when either says
 * another site. A request with neither is not from a browser page (curl, a script holding its
 * own cookie), so it carries no forged ambient credentials and is let through.
 */
export function crossSiteRefusal(req: Request): Response | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return refuse();
  const origin = req.headers.get("origin");
  if (origin !== null && !allowedHosts(req).has(hostOf(origin) ?? "\0")) return refuse();
  return null;
}

function allowedHosts(req: Request): Set<string> {
  const hosts = new Set<string>();
  const appUrl = env().APP_URL;
  if (appUrl) hosts.add(new URL(appUrl).host);
  const host = req.headers.get("host");
  if (host) hosts.add(host);
  return hosts;
}

function hostOf(origin: string): string | null {
  try {
    return origin === "null" ? null : new URL(origin).host;
  } catch {
    return null;
  }
}

function refuse(): Response {
  return Response.json(
    { error: { code: "forbidden:origin", message: "This request came from another site and was refused." } },
    { status: 403, headers: { "cache-control": "no-store" } },
  );
}

/** Wraps a route handler (e.g. Auth.js's POST) with the same guard. */
export function sameOriginOnly<R extends Request, A extends unknown[]>(handler: (req: R, ...rest: A) => Promise<Response> | Response) {
  return async (req: R, ...rest: A): Promise<Response> => crossSiteRefusal(req) ?? handler(req, ...rest);
}
