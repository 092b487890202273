export * from "./clinics";
export * from "./users";
export * from "./sessions";
export * from "./patients";
export * from "./audit";
export * from "./password-tokens";
export * from "./assessments";
export * from "./plans";
