// The IANA time zones a clinic may choose (ADR 0015): whatever this runtime's Intl knows, so the
// zone the admin picks is one that `clinicToday` and `formatClinicTime` can read. Pure (Intl only).

/**
 * A zone's name as Intl spells it ("europe/london" → "Europe/London", "US/Eastern" →
 * "America/New_York"), or null when it is no IANA zone this runtime knows. Offsets ("+01:00")
 * are refused: a clinic's day follows its region's summer time, a fixed offset does not.
 */
export function canonicalTimeZone(tz: unknown): string | null {
  if (typeof tz !== "string") return null;
  const name = tz.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every zone to offer, sorted, UTC included (Intl's list leaves it out). */
export function timeZoneNames(): string[] {
  const all = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  all.add("UTC");
  return [...all].sort((a, b) => a.localeCompare(b, "en"));
}

/** "GMT+01:00" (or "GMT") for a zone at an instant: what its clock is ahead of or behind UTC. */
export function utcOffsetLabel(tz: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  // ICU versions differ on UTC itself ("GMT" or "GMT+00:00"): say it one way.
  return !part || part.value === "GMT+00:00" ? "GMT" : part.value;
}

export type TimeZoneGroup = { region: string; zones: { value: string; label: string }[] };

/**
 * The zones by region for a select: "Europe" → "London (GMT+01:00)". `current` is always offered,
 * so a zone stored by hand that this list lacks still shows as chosen.
 */
export function timeZoneGroups(at: Date, current?: string): TimeZoneGroup[] {
  const names = timeZoneNames();
  if (current && !names.includes(current)) names.unshift(current);
  const groups = new Map<string, TimeZoneGroup>();
  for (const value of names) {
    const slash = value.indexOf("/");
    const region = slash < 0 ? "Other" : value.slice(0, slash);
    const place = (slash < 0 ? value : value.slice(slash + 1)).replaceAll("_", " ").replaceAll("/", ", ");
    let g = groups.get(region);
    if (!g) groups.set(region, (g = { region, zones: [] }));
    g.zones.push({ value, label: `${place} (${utcOffsetLabel(value, at)})` });
  }
  return [...groups.values()];
}
