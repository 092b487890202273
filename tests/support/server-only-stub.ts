// Vitest runs outside Next; "server-only" is a build-time guard there, so it is a no-op here.
export {};
