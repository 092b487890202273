import { NextResponse, type NextRequest } from "next/server";

// Comfort only: send visitors without a session cookie to sign-in, and give every page a CSP
// with a fresh nonce. Authorization happens in every page, action and route (requireUser,
// authedAction, authedRoute), never here (CVE-2025-29927).
const PUBLIC_PATHS = [/^\/login(\/|$)/, /^\/set-password\//, /^\/p\//, /^\/api\//];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** The patient's private pages: no account, so a per-address limit (ADR 0014). */
const PATIENT_LINK_PATH = /^\/p\/[^/]+(\/|$)/;
/** Its exercise photos, counted in a bucket of their own (a page shows many). */
const PATIENT_LINK_MEDIA_PATH = /^\/p\/[^/]+\/media\//;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PATIENT_LINK_PATH.test(pathname)) {
    const limited = await patientLinkLimited(request);
    if (limited) return limited;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const hasSession = SESSION_COOKIES.some((c) => request.cookies.has(c));
  if (!hasSession && !PUBLIC_PATHS.some((re) => re.test(pathname))) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Pages may show patient data: never store them in a shared or browser cache.
  response.headers.set("Cache-Control", "private, no-store, max-age=0");
  return response;
}

/**
 * Counts the request against the caller's address; over the limit, a plain 429 with
 * Retry-After. Pages cannot set their own status, which is why this one check lives here. When
 * the database cannot be reached the request goes on, and the page answers for the outage.
 */
async function patientLinkLimited(request: NextRequest): Promise<Response | null> {
  try {
    const { hitPatientLinkRateLimit } = await import("@/lib/plans/patient-link-rate-limit");
    const rate = await hitPatientLinkRateLimit(request.headers, PATIENT_LINK_MEDIA_PATH.test(request.nextUrl.pathname) ? "media" : "page");
    if (rate.allowed) return null;
    const minutes = Math.ceil(rate.retryAfterSeconds / 60);
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many requests</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><main><h1>Too many requests</h1><p>This link was opened many times in a short while. Please wait about ${minutes} minute${minutes === 1 ? "" : "s"} and try again.</p></main></body></html>`;
    return new Response(body, {
      status: 429,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "retry-after": String(rate.retryAfterSeconds),
        "cache-control": "no-store",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      },
    });
  } catch (err) {
    console.error("[proxy] patient-link rate limit unavailable:", err instanceof Error ? err.name : typeof err);
    return null;
  }
}

export const config = {
  matcher: [
    { source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-router-prefetch" }] },
  ],
};
