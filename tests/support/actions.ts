/** A form post as a server action receives it; an array value posts the name once per item. */
export function form(o: Record<string, string | string[]> | Array<[string, string]>): FormData {
  const fd = new FormData();
  const entries = Array.isArray(o) ? o : Object.entries(o).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

/** Where a server action redirected to (Next's redirect() throws an error carrying the URL), or null. */
export async function redirectTarget(p: Promise<unknown>): Promise<string | null> {
  const err = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as { digest?: string } | null;
  return err?.digest?.split(";")[2] ?? null;
}
