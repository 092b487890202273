// Caseload page under load: a production server on a fresh embedded database holding the large
// seed (50,000 patients, 250,000 assessments in one clinic), signed in as that clinic's admin,
// 10 concurrent connections on loopback for a bounded time. Reports p50/p95/p99 latency and
// requests per second for the admin caseload page and a sorted, filtered variant.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { benchRecord, type BenchRecord } from "./report";

export const root = path.resolve(import.meta.dirname, "../..");
export const PORT = Number(process.env.BENCH_PORT ?? 3350);
export const base = `http://127.0.0.1:${PORT}`;
export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

export function runTs(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [path.join(root, "scripts/run-ts.mjs"), script, ...args], { cwd: root, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stderr}`);
  return r.stdout;
}

export async function waitForServer(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer at ${url}`);
}

export async function signIn(email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ email, password: "loadwise-demo", csrfToken, callbackUrl: "/admin" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error("bench sign-in failed");
  return session.split(";")[0]!;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Bounded load: 10 connections for DURATION_S seconds, every response time kept for exact percentiles. */
export function load(name: string, pathname: string, cookie: string, p95TargetMs = 100) {
  return new Promise<Record<string, unknown> & { name: string }>((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon({ url: `${base}${pathname}`, connections: 10, duration: DURATION_S, headers: { cookie } }, (err, r) => {
      if (err) return reject(err);
      times.sort((a, b) => a - b);
      resolve({
        name,
        connections: 10,
        seconds: DURATION_S,
        requests: r.requests.total,
        non2xx: r.non2xx,
        reqPerSec: Math.round(r.requests.average),
        p50ms: Math.round(percentile(times, 50)),
        p95ms: Math.round(percentile(times, 95)),
        p99ms: Math.round(percentile(times, 99)),
        p95TargetMs,
      });
    });
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

export async function benchCaseload(): Promise<BenchRecord[]> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
  }
  // Embedded PGlite by default (what `npm start` runs); BENCH_DATABASE_URL points the same bench
  // at a real PostgreSQL, where the database works in its own processes.
  const dir = mkdtempSync(path.join(tmpdir(), "loadwise-bench-"));
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, "pglite"), NODE_ENV: "production" };
  delete env.DATABASE_URL;
  if (pgUrl) {
    Object.assign(env, { DATABASE_URL: pgUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-bench-only-secret-0123", APP_URL: base });
  }
  runTs("scripts/prepare-embedded.ts", [], env);
  // No check-ins here (the reviews bench seeds them): the caseload figures stay comparable run to run.
  const seeded = runTs("scripts/db-seed-large.ts", ["--check-in-patients", "0"], env);
  const adminEmail = /Admin: (\S+)/.exec(seeded)?.[1];
  if (!adminEmail) throw new Error(`no admin in seed output:\n${seeded}`);

  const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
    cwd: root,
    env: { ...env, PORT: String(PORT), HOST: "127.0.0.1" },
    stdio: "ignore",
  });
  try {
    await waitForServer(`${base}/login`, 60_000);
    const cookie = await signIn(adminEmail);
    // Warm the server (first renders compile nothing, but fill caches and JIT), then time
    // single requests one at a time: the service time, before any queueing.
    for (let i = 0; i < 5; i++) await fetch(`${base}/admin`, { headers: { cookie } });
    const single: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const res = await fetch(`${base}/admin`, { headers: { cookie } });
      await res.text();
      single.push(performance.now() - t);
    }
    single.sort((a, b) => a - b);
    const db = pgUrl ? "PostgreSQL" : "PGlite";
    const minimal = await load(`minimal signed-in page /account (admin, ${db})`, "/account", cookie);
    const baseline = { figure: "minimal signed-in page /account (admin)", value: minimal.reqPerSec as number };
    const asRecord = (r: Record<string, unknown> & { name: string }, isBase = false) =>
      benchRecord({
        bench: "caseload",
        figure: `${r.name}: throughput, 10 connections for ${DURATION_S} s (p50 ${r.p50ms} / p95 ${r.p95ms} / p99 ${r.p99ms} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ""})`,
        value: r.reqPerSec as number,
        unit: "req/s",
        baseline,
        aim: isBase ? undefined : { on: "ratio", min: 0.5 },
      });
    return [
      benchRecord({
        bench: "caseload",
        figure: `caseload /admin (50k patients, no check-ins, ${db}): p95, one request at a time (p50 ${Math.round(percentile(single, 50))} ms)`,
        value: Math.round(percentile(single, 95)),
        unit: "ms",
        aim: { on: "value", max: 100 },
      }),
      asRecord(minimal, true),
      asRecord(await load(`caseload /admin (50k patients, ${db})`, "/admin", cookie)),
      asRecord(await load(`caseload sorted+filtered, page 40 (${db})`, "/admin?sort=due&dir=desc&flag=overdue&page=40", cookie)),
    ];
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
