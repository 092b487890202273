export * from "./code-table-cy2026";
export * from "./dates";
export * from "./validate";
export * from "./worksheet";
