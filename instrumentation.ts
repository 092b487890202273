// Runs once when a server starts (not at build): a missing or invalid setting stops start-up
// with a clear message instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
}
