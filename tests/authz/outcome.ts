// What one request came back as, in the matrix's words. Pure: parses a status, headers and body.

/** Pages and route handlers. */
export type HttpOutcome = "200" | "→login" | "→app" | "401" | "403" | "404" | "429" | "5xx" | `other ${number}`;
/**
 * Server actions. `refused`: the guards let the caller through and the service said no for a
 * reason of its own (a stale version, a rule of the record); `invalid`: field errors.
 */
export type ActionOutcome = "ok" | "→login" | "forbidden" | "not found" | "gone" | "refused" | "invalid" | "5xx" | `other ${number}`;
export type Outcome = HttpOutcome | ActionOutcome;

const isLogin = (location: string) => /^(https?:\/\/[^/]+)?\/login(\?|$|\/)/.test(location);

export function httpOutcome(status: number, location: string | null): HttpOutcome {
  if (status >= 300 && status < 400) return isLogin(location ?? "") ? "→login" : "→app";
  if (status === 200) return "200";
  if (status === 401 || status === 403 || status === 404 || status === 429) return String(status) as HttpOutcome;
  if (status >= 500) return "5xx";
  return `other ${status}`;
}

/**
 * The rows of a React Flight response (`<hex id>:<payload>\n`; a text row `<id>:T<hex length>,`
 * carries that many bytes and no newline). Only what the action's result needs.
 */
export function flightRows(body: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const colon = body.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = body.toString("utf8", i, colon);
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const len = parseInt(body.toString("utf8", colon + 2, comma), 16);
      rows.set(id, body.toString("utf8", comma + 1, comma + 1 + len));
      i = comma + 1 + len;
      continue;
    }
    const nl = body.indexOf(0x0a, colon);
    const end = nl < 0 ? body.length : nl;
    rows.set(id, body.toString("utf8", colon + 1, end));
    i = end + 1;
  }
  return rows;
}

export type ActionResult = { ok?: boolean; formError?: string; fieldErrors?: Record<string, unknown> | string; message?: string };

/** The value a server action returned, from its Flight response (root row 0, field `a`). */
export function actionResult(body: Buffer): ActionResult | null {
  const rows = flightRows(body);
  const root = rows.get("0");
  if (!root) return null;
  let a: unknown;
  try {
    a = (JSON.parse(root) as { a?: unknown }).a;
  } catch {
    return null;
  }
  if (typeof a === "string" && a.startsWith("$@")) {
    const row = rows.get(a.slice(2));
    if (!row) return null;
    try {
      return JSON.parse(row) as ActionResult;
    } catch {
      return null;
    }
  }
  return a && typeof a === "object" ? (a as ActionResult) : null;
}

export const ROLE_REFUSAL = "Your role does not allow this action.";

/**
 * An action's answer. A redirect (Next's `x-action-redirect`, or the proxy's own redirect for a
 * request with no session cookie) to sign-in is `→login`, elsewhere `ok`. Otherwise the form
 * state it returned: the role refusal of authedAction, a record not found (another clinic's id),
 * a dead link (patient or password link), another refusal, or field errors.
 */
export function classifyAction(status: number, headers: Headers, body: Buffer): { outcome: ActionOutcome; detail: string } {
  const redirect = headers.get("x-action-redirect") ?? (status >= 300 && status < 400 ? headers.get("location") : null);
  if (redirect) return { outcome: isLogin(redirect.split(";")[0]!) ? "→login" : "ok", detail: redirect };
  if (status >= 500) return { outcome: "5xx", detail: `HTTP ${status}` };
  if (status !== 200) return { outcome: `other ${status}`, detail: `HTTP ${status}` };
  const r = actionResult(body);
  if (!r) return { outcome: `other ${status}`, detail: "no action result in the response" };
  if (r.ok) return { outcome: "ok", detail: r.message ?? "ok" };
  const msg = r.formError ?? "";
  if (msg === ROLE_REFUSAL) return { outcome: "forbidden", detail: msg };
  if (/\bnot found\b/i.test(msg)) return { outcome: "not found", detail: msg };
  if (/no longer works|expired or was already used|already used/i.test(msg)) return { outcome: "gone", detail: msg };
  const fields = r.fieldErrors && typeof r.fieldErrors === "object" ? Object.keys(r.fieldErrors) : [];
  if (fields.length) return { outcome: "invalid", detail: `${msg} (fields: ${fields.join(", ")})` };
  return { outcome: "refused", detail: msg || "no message" };
}
