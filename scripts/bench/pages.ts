// Pages within budget (issue 16; `npm run bench -- pages`): a production server on the large seed
// with check-ins (50,000 patients; 20 check-ins for a fifth of them, reviews refreshed by the real
// service). For each page: p50/p95 for one user at a time (aim p95 ≤ 100 ms), then 10
// connections for BENCH_SECONDS (10) with throughput as a ratio to the minimal signed-in page
// (/account: the same session check and layout, no data) served by the same server in the same
// run for the same user (aim ≥ 0.5), and the page's weight (HTML, and the RSC flight payload a
// client navigation fetches).
//
// The seed takes minutes: BENCH_SEED_DIR keeps it (a PGlite directory plus the seed's output) and
// a later run reuses it; without it each run seeds a fresh temporary directory. BENCH_DATABASE_URL
// runs the same on PostgreSQL (seeded each run into that database unless BENCH_SEEDED=1).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { base, DURATION_S, percentile, PORT, root, runTs, signIn, waitForServer } from "./caseload";
import { benchRecord, type BenchRecord } from "./report";

export const MINIMAL = "/account";
const CONNECTIONS = 10;

type Page = { label: string; path: string; cookie: string; who: string; patientLink?: true; shown?: string };

/** A new address per patient-link request: the link's per-address limit (ADR 0014) counts each patient apart. */
let address = 0;
const nextAddress = () => {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};
const headersFor = (p: Page, extra: Record<string, string> = {}): Record<string, string> => ({
  ...(p.cookie ? { cookie: p.cookie } : {}),
  ...(p.patientLink ? { "x-forwarded-for": nextAddress() } : {}),
  ...extra,
});

async function single(p: Page, n = 20) {
  for (let i = 0; i < 3; i++) await (await fetch(`${base}${p.path}`, { headers: headersFor(p) })).text();
  const times: number[] = [];
  let html = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`${base}${p.path}`, { headers: headersFor(p), redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${p.path} answered ${res.status}`);
    times.push(performance.now() - t);
    html = Buffer.byteLength(body);
  }
  // The flight payload a client-side navigation to the page fetches.
  const rsc = await fetch(`${base}${p.path}`, { headers: headersFor(p, { rsc: "1" }) });
  const flight = Buffer.byteLength(await rsc.text());
  times.sort((a, b) => a - b);
  return { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), htmlKiB: Math.round(html / 102.4) / 10, flightKiB: Math.round(flight / 102.4) / 10 };
}

function load(p: Page) {
  return new Promise<{ reqPerSec: number; p95: number; non2xx: number }>((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(
      {
        url: `${base}${p.path}`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers: headersFor(p),
        ...(p.patientLink ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...(req.headers as Record<string, string>), "x-forwarded-for": nextAddress() } }) }] } : {}),
      },
      (err, r) => {
        if (err) return reject(err);
        times.sort((a, b) => a - b);
        resolve({ reqPerSec: Math.round(r.requests.average * 10) / 10, p95: Math.round(percentile(times, 95)), non2xx: r.non2xx });
      },
    );
    instance.on("response", (_c, _s, _b, responseTime) => times.push(responseTime));
  });
}

function seedOnce(env: NodeJS.ProcessEnv, seedDir: string | undefined, pgUrl: string | undefined): string {
  const cached = seedDir ? path.join(seedDir, "seed.out") : undefined;
  if (cached && existsSync(cached)) {
    process.stderr.write(`reusing the large seed in ${seedDir}\n`);
    return readFileSync(cached, "utf8");
  }
  if (pgUrl && process.env.BENCH_SEEDED === "1") throw new Error("BENCH_SEEDED=1 needs BENCH_SEED_DIR holding that seed's seed.out");
  runTs("scripts/prepare-embedded.ts", [], env);
  const t = performance.now();
  const out = runTs("scripts/db-seed-large.ts", [], env);
  process.stderr.write(`${out.trim()}\n(large seed with check-ins and review refresh: ${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
  if (cached) writeFileSync(cached, out);
  return out;
}

export async function benchPages(): Promise<BenchRecord[]> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
  }
  const seedDir = process.env.BENCH_SEED_DIR ? path.resolve(process.env.BENCH_SEED_DIR) : undefined;
  const dir = seedDir ?? mkdtempSync(path.join(tmpdir(), "loadwise-bench-pages-"));
  mkdirSync(dir, { recursive: true });
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, "pglite"), NODE_ENV: "production" };
  delete env.DATABASE_URL;
  if (pgUrl) Object.assign(env, { DATABASE_URL: pgUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-bench-only-secret-0123", APP_URL: base });
  const db = pgUrl ? "PostgreSQL" : "PGlite";
  try {
    const seeded = seedOnce(env, seedDir, pgUrl);
    const adminEmail = /Admin: (\S+)/.exec(seeded)?.[1];
    const clinicianEmail = /Clinician: (\S+)/.exec(seeded)?.[1];
    if (!adminEmail || !clinicianEmail) throw new Error(`unexpected seed output:\n${seeded}`);
    const { token, stepPath } = JSON.parse(runTs("scripts/bench/pages-db.ts", [clinicianEmail], env).trim().split("\n").at(-1)!) as { token: string; stepPath: string };

    // One trusted hop: the bench stands in for the proxy, so each patient-link request can come from its own address.
    const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
      cwd: root,
      env: { ...env, PORT: String(PORT), HOST: "127.0.0.1", TRUSTED_PROXY_HOPS: "1" },
      stdio: "ignore",
    });
    try {
      await waitForServer(`${base}/login`, 120_000);
      const clinician = await signIn(clinicianEmail);
      const admin = await signIn(adminEmail);
      // The pages must be the real thing: a queue with items.
      const queueText = (await (await fetch(`${base}/reviews`, { headers: { cookie: clinician } })).text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      const waiting = /(\d+) waiting/.exec(queueText)?.[1];
      if (!waiting || Number(waiting) === 0) throw new Error(`no review waiting for ${clinicianEmail} at /reviews: ${queueText.slice(0, 400)}`);

      const pages: Page[] = [
        { label: "minimal signed-in page", path: MINIMAL, cookie: clinician, who: "clinician" },
        { label: "Needs review", path: "/reviews", cookie: clinician, who: "clinician" },
        { label: "worklist", path: "/patients", cookie: clinician, who: "clinician" },
        { label: "assessment step 4", path: stepPath, cookie: clinician, who: "clinician", shown: "/patients/[id]/assessments/[id]/step/4" },
        { label: "patient's check-in page", path: `/p/${token}`, cookie: "", who: "clinician", patientLink: true },
        { label: "minimal signed-in page", path: MINIMAL, cookie: admin, who: "admin" },
        { label: "admin caseload", path: "/admin", cookie: admin, who: "admin" },
      ];
      const records: BenchRecord[] = [];
      const baseline: Record<string, number> = {};
      for (const p of pages) {
        const s = await single(p);
        const l = await load(p);
        const isBase = p.path === MINIMAL;
        if (isBase) baseline[p.who] = l.reqPerSec;
        const where = `${p.label} ${p.shown ?? (p.patientLink ? "/p/[token]" : p.path)} (${p.who === "admin" ? "admin" : p.patientLink ? "patient" : "clinician"}, ${db})`;
        process.stderr.write(`${where}: one user p50 ${s.p50} / p95 ${s.p95} ms; ${CONNECTIONS} connections ${l.reqPerSec} req/s, p95 ${l.p95} ms; HTML ${s.htmlKiB} KiB, flight ${s.flightKiB} KiB\n`);
        records.push(
          benchRecord({ bench: "pages", figure: `${where}: p95, one user at a time (p50 ${s.p50} ms)`, value: s.p95, unit: "ms", aim: isBase ? undefined : { on: "value", max: 100 } }),
          benchRecord({
            bench: "pages",
            figure: `${where}: throughput, ${CONNECTIONS} connections for ${DURATION_S} s (p95 ${l.p95} ms${l.non2xx ? `, ${l.non2xx} non-2xx` : ""})`,
            value: l.reqPerSec,
            unit: "req/s",
            baseline: { figure: `minimal signed-in page ${MINIMAL} (${p.who})`, value: baseline[p.who]! },
            aim: isBase ? undefined : { on: "ratio", min: 0.5 },
          }),
          benchRecord({ bench: "pages", figure: `${where}: HTML size (flight payload ${s.flightKiB} KiB)`, value: s.htmlKiB, unit: "KiB" }),
        );
        if (l.non2xx) throw new Error(`${where}: ${l.non2xx} responses were not 2xx under load`);
      }
      records.push(benchRecord({ bench: "pages", figure: `fixture: suggestions waiting for the clinician`, value: Number(waiting), unit: "" }));
      return records;
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  } finally {
    if (!seedDir) rmSync(dir, { recursive: true, force: true });
  }
}
