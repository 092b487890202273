// The RTM code table as data: codes, thresholds, their source and the date they took effect.
// Next year's rule is a new table (code-table-cy2027.ts) passed to rtmWorksheet, not a code change.

export type RtmCodeTable = {
  version: string;
  effectiveFrom: string; // ISO date the figures took effect
  sources: { supplyAndManagement: string; assistantModifier: string };
  windowDays: number;
  supply: { full: { code: string; minDays: number }; partial: { code: string; minDays: number } };
  setup: { code: string; minDataDays: number };
  management: {
    first: { code: string; minMinutes: number; maxMinutes: number }; // e.g. 10-19 minutes
    second: { code: string; minMinutes: number };
    addOn: { code: string; everyMinutes: number };
    requiresInteractive: boolean;
  };
  modifiers: { discipline: string; assistant: string; assistantShareAbove: number };
  maxMinutesPerEntry: number;
};

export const CODE_TABLE_CY2026: RtmCodeTable = {
  version: "CY2026",
  effectiveFrom: "2026-01-01",
  sources: {
    supplyAndManagement: "CMS CY2026 Physician Fee Schedule final rule (CMS-1832-F); CPT 2026",
    assistantModifier: "CMS de minimis standard for therapy services furnished in part by assistants (CY2020 PFS final rule)",
  },
  windowDays: 30,
  supply: { full: { code: "98977", minDays: 16 }, partial: { code: "98985", minDays: 2 } },
  setup: { code: "98975", minDataDays: 2 },
  management: {
    first: { code: "98979", minMinutes: 10, maxMinutes: 19 },
    second: { code: "98980", minMinutes: 20 },
    addOn: { code: "98981", everyMinutes: 20 },
    requiresInteractive: true,
  },
  modifiers: { discipline: "GP", assistant: "CQ", assistantShareAbove: 0.1 },
  maxMinutesPerEntry: 240,
};
