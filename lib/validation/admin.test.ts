import { describe, expect, it } from "vitest";
import { defaultEngineSettings, engineSettingsSchema } from "@/lib/clinical/settings";
import { clinicSettingsSchema, engineFieldDefault, engineFields, engineSettingsFromForm } from "./admin";

describe("clinic settings form: engine thresholds", () => {
  const defaults = Object.fromEntries(engineFields.map((f) => [f.name, engineFieldDefault(f)]));
  const base = { units: "km", paperSize: "A4", idleTimeoutMinutes: "15", ...Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, String(v)])) };

  it("has one form field per listed threshold, and the defaults it shows parse and map back to the engine's defaults", () => {
    const parsed = clinicSettingsSchema.parse(base);
    for (const f of engineFields) expect(parsed).toHaveProperty(f.name);
    const back = engineSettingsFromForm(parsed);
    for (const [k, v] of Object.entries(back)) expect(v).toEqual(defaultEngineSettings[k as keyof typeof defaultEngineSettings]);
    expect(Object.keys(back)).toEqual(expect.arrayContaining(["painGreenMax", "painAcceptableMax", "progressGreenSessions", "flareCutPct", "capacitySevereDeficitPct", "startingDoseRunKmPerWeek"]));
  });

  it("every field's range stays inside what the engine accepts, and holds the default", () => {
    for (const f of engineFields) {
      const d = engineFieldDefault(f);
      expect(d, f.name).toBeGreaterThanOrEqual(f.min);
      expect(d, f.name).toBeLessThanOrEqual(f.max);
      // Both ends of a range field (deload, flare cut) at once: one end alone could invert the range.
      const at = (edge: number) => ("part" in f ? { min: edge, max: edge } : edge);
      for (const edge of [f.min, f.max]) expect(engineSettingsSchema.safeParse({ [f.key]: at(edge) }).success, `${f.name}=${edge}`).toBe(true);
    }
  });
});
