import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_TRUSTED_ENV } from "@/scripts/client-address.mjs";

/**
 * The caller's address and user agent, for the audit trail and the per-address rate limits.
 * The address is the one the app server (scripts/server.mjs) decided at the socket, honouring
 * only the proxies the operator declared in TRUSTED_PROXY_HOPS (ADR 0014). X-Forwarded-For is
 * never read here: any client can write it. Outside that server (`next dev`, tests) there is no
 * trustworthy address, so it is null and every such caller shares one rate-limit bucket.
 */
export function requestMeta(h: Headers): { ip: string | null; userAgent: string | null } {
  const fromServer = process.env[CLIENT_ADDRESS_TRUSTED_ENV] === "1" ? h.get(CLIENT_ADDRESS_HEADER) : null;
  return { ip: fromServer || null, userAgent: h.get("user-agent") };
}
