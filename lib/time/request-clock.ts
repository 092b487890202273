import "server-only";
import { fixedClock, systemClock, type Clock } from "./clock";

// The end-to-end test clock (ADR 0015). Playwright cannot wait a week between a session and its
// review, so the e2e server (scripts/e2e-server.mjs) starts the app with LOADWISE_TEST_CLOCK=1,
// and each browser context then names its own instant in TEST_CLOCK_HEADER. Everywhere else the
// header is ignored, and the app server strips it before Next sees the request unless the flag is
// set (scripts/server.mjs); lib/env.ts refuses to start with the flag and a DATABASE_URL.

export const TEST_CLOCK_HEADER = "x-loadwise-test-now";
export const TEST_CLOCK_ENV = "LOADWISE_TEST_CLOCK";

export function testClockEnabled(): boolean {
  return process.env[TEST_CLOCK_ENV] === "1" && !process.env.DATABASE_URL;
}

/** The clock for one request: the system clock, unless the test clock is enabled and named. */
export function clockForRequest(h: Headers): Clock {
  if (!testClockEnabled()) return systemClock;
  const v = h.get(TEST_CLOCK_HEADER);
  if (!v) return systemClock;
  const at = new Date(v);
  // Only instants with a four-digit year: the calendar code formats days as yyyy-mm-dd, and a
  // browser context naming year 0 is a typo, not a test.
  const year = at.getUTCFullYear();
  return Number.isNaN(at.getTime()) || year < 1000 || year > 9999 ? systemClock : fixedClock(at);
}
