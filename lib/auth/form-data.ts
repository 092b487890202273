/**
 * A posted form as a plain object for zod. Repeated names become arrays; files are dropped;
 * Next's own `$ACTION_*` fields are not the caller's input.
 */
export function formDataToObject(fd: FormData): Record<string, string | string[]> {
  // No prototype: a field named "constructor" or "toString" must not find Object's own and
  // turn into [function, value]; "__proto__" is then an ordinary (ignored) name.
  const out: Record<string, string | string[]> = Object.create(null);
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

/**
 * Names whose posted text holds a NUL character. PostgreSQL cannot store one in text or JSON, so
 * such an answer would fail at the database as a "something went wrong"; it is refused up front,
 * beside its field, instead. (Browsers never type one; pasted or scripted text can carry it.)
 */
export function nulFieldErrors(raw: Record<string, string | string[]>, message: string): Record<string, string[]> | null {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(raw)) if ((Array.isArray(v) ? v : [v]).some((x) => x.includes("\u0000"))) out[k] = [message];
  return Object.keys(out).length ? out : null;
}

export const NUL_MESSAGE = "This contains a hidden character that cannot be saved. Retype it, or paste it as plain text.";
