// The caller's address as the nearest proxy reports it. Used for the audit trail only; it is
// not trusted for any access decision.
export function requestMeta(h: Headers): { ip: string | null; userAgent: string | null } {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}
