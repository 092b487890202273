// Which address a request came from, decided once at the socket by the app server
// (scripts/server.mjs) and handed to the app in one header that clients cannot set.
//
// X-Forwarded-For is a list each proxy appends to; anything left of the proxies we run is
// whatever the client chose to send. So the only trustworthy entries are the ones our own
// proxies added, counted from the right: with N trusted hops, the client is the address the
// N-th proxy saw (ADR 0014). With none trusted (the default) the header is ignored entirely.

/** The header the app reads; the server overwrites it on every request. */
export const CLIENT_ADDRESS_HEADER = "x-loadwise-client-address";

/** Set in the server's own process: only then does the app believe CLIENT_ADDRESS_HEADER. */
export const CLIENT_ADDRESS_TRUSTED_ENV = "LOADWISE_CLIENT_ADDRESS_FROM_SERVER";

/** IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is the same client as its IPv4 form. */
function normalise(addr) {
  const a = addr.trim();
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return m ? m[1] : a;
}

/**
 * @param {string | undefined} socketAddress the TCP peer
 * @param {string | string[] | undefined} forwardedFor every X-Forwarded-For header as received
 * @param {number} trustedHops how many proxies in front of the app are ours (0 = none)
 * @returns {string | null}
 */
export function resolveClientAddress(socketAddress, forwardedFor, trustedHops) {
  const peer = socketAddress ? normalise(socketAddress) : null;
  if (!trustedHops || trustedHops < 1) return peer;
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(normalise);
  // Nearest first: the peer (our nearest proxy), then what each proxy saw, right to left.
  const chain = [peer, ...listed.reverse()].filter(Boolean);
  // Fewer entries than trusted hops: the furthest address we know is the best we have.
  return chain[Math.min(trustedHops, chain.length - 1)] ?? null;
}

/** TRUSTED_PROXY_HOPS from the environment: a whole number 0-10, default 0. */
export function trustedHopsFromEnv(env = process.env) {
  const raw = (env.TRUSTED_PROXY_HOPS ?? "").trim();
  if (raw === "") return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the proxies in front of Loadwise that you run), not "${raw}".`);
  }
  return Number(raw);
}
