// "The database cannot be reached" as opposed to "this query is wrong": connection failures,
// a server shutting down or not yet accepting connections, too many connections. Users then
// get a plain 503 (pages, route handlers) or a form error that keeps what they typed (actions),
// never a 500; the same app server serves again as soon as the database is back.

const NETWORK_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE",
  // postgres.js's own codes
  "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT",
]);
// SQLSTATE: class 08 connection exceptions; 57P01-03 shutdown / cannot connect now; 53300 too many connections.
const SQLSTATES = /^(08...|57P0[123]|53300)$/;

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATES.test(code))) return true;
    // AggregateError from a dual-stack connect attempt (::1 and 127.0.0.1 both refused).
    const inner = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.length > 0 && inner.every(isDatabaseUnavailable)) return true;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = "Loadwise can't reach its database. Nothing you entered was lost; try again in a moment.";
export const DATABASE_RETRY_AFTER_SECONDS = 5;
