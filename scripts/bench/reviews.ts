// "Needs review" and the worklist under load (`npm run bench -- reviews`): a production server on a
// fresh embedded database holding the large seed with check-ins (50,000 patients; 20 check-ins
// for a fifth of them, with their reviews refreshed by the real service, so check_in_reviews and
// the worklist columns are what the app writes). One signed-in clinician times /reviews and
// /patients, the clinic admin /admin; 10 connections each for a bounded time. Throughput is also
// given as a ratio to a minimal signed-in page (/patients/new: the session check and the layout,
// no patient data) served by the same server in the same run, for the same user: the generator
// shares the cores with the server, so the ratio is what compares across runs and machines.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { base, load, percentile, PORT, root, runTs, signIn, waitForServer } from "./caseload";

const MINIMAL = "/patients/new";

async function single(pathname: string, cookie: string, n = 20) {
  for (let i = 0; i < 3; i++) await (await fetch(`${base}${pathname}`, { headers: { cookie } })).text();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`${base}${pathname}`, { headers: { cookie } });
    await res.text();
    if (res.status !== 200) throw new Error(`${pathname} answered ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)) };
}

export async function benchReviews() {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
  }
  const dir = mkdtempSync(path.join(tmpdir(), "loadwise-bench-reviews-"));
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, "pglite"), NODE_ENV: "production" };
  delete env.DATABASE_URL;
  if (pgUrl) Object.assign(env, { DATABASE_URL: pgUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-bench-only-secret-0123", APP_URL: base });
  const db = pgUrl ? "PostgreSQL" : "PGlite";
  runTs("scripts/prepare-embedded.ts", [], env);
  const t = performance.now();
  const seeded = runTs("scripts/db-seed-large.ts", [], env);
  process.stderr.write(`${seeded.trim()}\n(large seed with check-ins and review refresh: ${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
  const adminEmail = /Admin: (\S+)/.exec(seeded)?.[1];
  const clinicianEmail = /Clinician: (\S+)/.exec(seeded)?.[1];
  const refresh = /Review refresh: (\d+) plans in ([\d.]+) s/.exec(seeded);
  if (!adminEmail || !clinicianEmail || !refresh) throw new Error(`unexpected seed output:\n${seeded}`);

  const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
    cwd: root,
    env: { ...env, PORT: String(PORT), HOST: "127.0.0.1" },
    stdio: "ignore",
  });
  try {
    await waitForServer(`${base}/login`, 60_000);
    const clinician = await signIn(clinicianEmail);
    const admin = await signIn(adminEmail);
    // The pages must be the real thing: a queue with items, a caseload with rows.
    const queueRes = await fetch(`${base}/reviews`, { headers: { cookie: clinician } });
    const queueText = (await queueRes.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    const waiting = /(\d+) waiting/.exec(queueText)?.[1];
    if (!waiting || Number(waiting) === 0) {
      throw new Error(`no review waiting for ${clinicianEmail} at /reviews (status ${queueRes.status}, ${queueRes.url}): ${queueText.slice(0, 400)}`);
    }

    const pages: Array<{ label: string; path: string; cookie: string; who: string }> = [
      { label: "minimal signed-in page", path: MINIMAL, cookie: clinician, who: "clinician" },
      { label: "Needs review", path: "/reviews", cookie: clinician, who: "clinician" },
      { label: "worklist (my caseload)", path: "/patients", cookie: clinician, who: "clinician" },
      { label: "minimal signed-in page", path: MINIMAL, cookie: admin, who: "admin" },
      { label: "admin caseload", path: "/admin", cookie: admin, who: "admin" },
      { label: "Needs review, whole clinic", path: "/reviews?scope=clinic", cookie: admin, who: "admin" },
    ];
    const results: Array<Record<string, unknown> & { name: string }> = [];
    const baseline: Record<string, number> = {};
    for (const p of pages) {
      const s = await single(p.path, p.cookie);
      const r = await load(`${p.label} ${p.path} (${p.who}, ${db})`, p.path, p.cookie);
      const rps = r.reqPerSec as number;
      if (p.path === MINIMAL) baseline[p.who] = rps;
      results.push({ ...r, singleP50ms: s.p50, singleP95ms: s.p95, ratioToMinimal: Math.round((rps / baseline[p.who]!) * 100) / 100 });
      process.stderr.write(`${r.name}: single p95 ${s.p95} ms; 10 conn p95 ${r.p95ms} ms, ${rps} req/s\n`);
    }
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
    results.push({ name: `fixture: ${waiting} waiting for the clinician; review refresh ${refresh[1]} plans in ${refresh[2]} s; ${machine}` });
    return results;
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
