import { describe, expect, it } from "vitest";
import { canonicalTimeZone, timeZoneGroups, timeZoneNames, utcOffsetLabel } from "./time-zones";

describe("time zones a clinic may choose", () => {
  it("spells a known zone as Intl does and refuses unknown names and fixed offsets", () => {
    expect(canonicalTimeZone("Europe/London")).toBe("Europe/London");
    expect(canonicalTimeZone(" europe/london ")).toBe("Europe/London");
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    for (const bad of ["Mars/Olympus", "+01:00", "", "Europe/London; drop", "x".repeat(80), 42, null]) expect(canonicalTimeZone(bad)).toBeNull();
  });

  it("offers every zone Intl lists, UTC among them, each one that canonicalTimeZone accepts", () => {
    const names = timeZoneNames();
    expect(names).toContain("UTC");
    expect(names).toContain("Europe/London");
    expect(names).toContain("Pacific/Auckland");
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(canonicalTimeZone(n), n).not.toBeNull();
  });

  it("groups them by region with their offset at the given instant, and keeps a stored zone the list lacks", () => {
    const summer = new Date("2026-07-01T12:00:00Z");
    const groups = timeZoneGroups(summer, "Etc/GMT+5");
    const europe = groups.find((g) => g.region === "Europe")!;
    expect(europe.zones).toContainEqual({ value: "Europe/London", label: "London (GMT+01:00)" });
    const america = groups.find((g) => g.region === "America")!;
    expect(america.zones.find((z) => z.value === "America/Indiana/Knox")?.label).toBe("Indiana, Knox (GMT-05:00)");
    expect(groups.flatMap((g) => g.zones.map((z) => z.value))).toContain("Etc/GMT+5");
    expect(utcOffsetLabel("Europe/London", new Date("2026-01-15T12:00:00Z"))).toBe("GMT");
  });
});
