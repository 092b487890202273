import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DatabaseUrlError, postgresOptionsFromUrl } from "@/db/postgres-options";

// Every environment variable the server reads, validated once (conventions §12).
// An empty variable (`DATABASE_URL=`) means unset, as shells and .env files commonly write it.
const optional = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === "" ? undefined : v), t.optional());

const schema = z.object({
  DATABASE_URL: optional(z.string().url("DATABASE_URL must be a postgres:// URL")),
  PGLITE_DIR: optional(z.string().min(1)),
  /** The public origin patients reach, e.g. https://app.example-clinic.com: printed in links and QR codes. */
  APP_URL: optional(z.string().url("APP_URL must be a full URL such as https://loadwise.example.com")),
  AUTH_SECRET: optional(z.string().min(32, "AUTH_SECRET must be at least 32 characters")),
  /**
   * Seals the patient links kept for re-showing (ADR 0021). Unset: derived from AUTH_SECRET, so a
   * fresh clone needs nothing; set it to rotate link keys apart from sign-in.
   */
  LINK_ENCRYPTION_KEY: optional(z.string().min(32, "LINK_ENCRYPTION_KEY must be at least 32 characters")),
  /** Earlier link keys, comma-separated: still opened, never used to seal (key rotation, ADR 0021). */
  LINK_ENCRYPTION_KEY_PREVIOUS: optional(
    z
      .string()
      .transform((v) => v.split(",").map((k) => k.trim()).filter(Boolean))
      .pipe(z.array(z.string().min(32, "each key in LINK_ENCRYPTION_KEY_PREVIOUS must be at least 32 characters"))),
  ),
  /**
   * Reminder email (issue 19, ADR 0030): an SMTP URL such as smtp://user:pass@mail.example.com:587
   * (smtps:// for TLS on connect), or the parts below. Unset: reminders are queued and each send
   * fails with "no SMTP server configured", visible on /admin/reminders.
   */
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465")),
  SMTP_HOST: optional(z.string().min(1)),
  SMTP_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  SMTP_USER: optional(z.string().min(1)),
  SMTP_PASS: optional(z.string().min(1)),
  /** The From address when the clinic has not set its own sender (e.g. reminders@loadwise.example.com). */
  SMTP_FROM: optional(z.string().email("SMTP_FROM must be an email address")),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** End-to-end tests only: each request may name its own "now" (lib/time/request-clock.ts, ADR 0015). */
  LOADWISE_TEST_CLOCK: optional(z.literal("1", { error: "LOADWISE_TEST_CLOCK may only be 1 (end-to-end tests) or unset" })),
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; pgliteDir: string };

let cached: Env | undefined;

export class EnvError extends Error {}

/** Where the embedded database and its generated secret live when DATABASE_URL is unset. */
export function defaultPgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || path.join(process.cwd(), ".data", "pglite"));
}

/**
 * On the embedded default, the auth secret is generated on first start and kept beside the data
 * (in the data directory's parent, so PGlite's own files stay untouched). With DATABASE_URL the
 * operator must provide it: a generated secret would differ between app servers.
 */
export function ensureEmbeddedAuthSecret(pgliteDir: string): string {
  const file = path.join(path.dirname(pgliteDir), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  if (parsed.data.DATABASE_URL) {
    // Its options (e.g. prepare=false behind PgBouncer) are checked at start, not at the first query.
    try {
      postgresOptionsFromUrl(parsed.data.DATABASE_URL);
    } catch (err) {
      if (err instanceof DatabaseUrlError) throw new EnvError(`Invalid environment:\n  ${err.message}`);
      throw err;
    }
  }
  const pgliteDir = defaultPgliteDir();
  let secret = parsed.data.AUTH_SECRET;
  if (!secret) {
    if (parsed.data.DATABASE_URL) {
      throw new EnvError(
        "AUTH_SECRET is required when DATABASE_URL is set. Generate one with `openssl rand -base64 32` and set it for every app server.",
      );
    }
    secret = ensureEmbeddedAuthSecret(pgliteDir);
  }
  if (parsed.data.DATABASE_URL && !parsed.data.APP_URL) {
    // Patient links and QR codes print this origin; without it they would follow the request's
    // Host header, which the caller controls.
    throw new EnvError(
      "APP_URL is required when DATABASE_URL is set: the public address patients open their links at, e.g. https://loadwise.example-clinic.com.",
    );
  }
  if (parsed.data.LOADWISE_TEST_CLOCK && parsed.data.DATABASE_URL) {
    // The test clock lets a request choose the date its check-ins are judged on: never on a real database.
    throw new EnvError("LOADWISE_TEST_CLOCK is for end-to-end tests on the embedded database only; unset it when DATABASE_URL is set.");
  }
  // next-auth reads process.env.AUTH_SECRET itself.
  process.env.AUTH_SECRET = secret;
  cached = { ...parsed.data, AUTH_SECRET: secret, pgliteDir };
  return cached;
}
