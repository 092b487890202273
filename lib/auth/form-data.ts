/**
 * A posted form as a plain object for zod. Repeated names become arrays; files are dropped;
 * Next's own `$ACTION_*` fields are not the caller's input.
 */
export function formDataToObject(fd: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of fd.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

// Values never echoed back to a re-rendered form.
const SECRET_FIELDS = /password|token|secret/i;

export function echoableValues(raw: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (!SECRET_FIELDS.test(k)) out[k] = Array.isArray(v) ? v.join("\n") : v;
  return out;
}
