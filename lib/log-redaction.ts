// drizzle's query errors carry the statement's parameters ("params: …"), which can be patient
// data. Whatever logs an error (Next's own error logging included) goes through console, so the
// server redacts those parameters there before anything reaches the logs.
const PARAMS = /params: [^\n]*/g;

export function redact(value: unknown): unknown {
  if (typeof value === "string") return value.replace(PARAMS, "params: [redacted]");
  if (value instanceof Error) {
    const copy = new Error(redact(value.message) as string);
    copy.name = value.name;
    copy.stack = typeof value.stack === "string" ? (redact(value.stack) as string) : undefined;
    if ("digest" in value) Object.assign(copy, { digest: (value as { digest?: unknown }).digest });
    if (value.cause !== undefined) copy.cause = redact(value.cause);
    return copy;
  }
  return value;
}

export function installLogRedaction(target: Pick<Console, "error" | "warn" | "log"> = console) {
  for (const level of ["error", "warn", "log"] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => original(...args.map(redact));
  }
}
