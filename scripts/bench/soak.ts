// Soak (`npm run bench -- soak`; not CI): the production server on PostgreSQL
// (BENCH_DATABASE_URL) for a bounded few minutes, loopback only, while N clinicians take new
// patients from the first form to a published plan and M patients log sessions on their links,
// all over HTTP through the app's own forms. It reports:
//  - errors: any step that did not land where the app should send it (0 expected);
//  - check-ins acknowledged by the app against the rows in the database: none lost, none stored
//    twice (every fifth check-in is submitted twice, as a double tap);
//  - the soak clinic's audit hash chain after it all;
//  - the server's resident memory sampled every 5 s: first, last, max and the slope, over the whole
//    run and over its second half (flat expected once the heap has reached its working size);
//  - requests per second and response-head latency.
// The generator shares the cores with the server and PostgreSQL: compare runs on one machine.
// Settings: SOAK_SECONDS (180), SOAK_CLINICIANS (4), SOAK_PATIENTS (8 at a time), BENCH_PORT (3350).
import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { postgresOptionsFromUrl } from "@/db/postgres-options";
import { rssOf, startAppServers } from "../app-servers";
import { buildIfNeeded } from "../build-if-needed.mjs";
import { HttpClient } from "../http-client";
import { percentile, runTs } from "./caseload";
import { clinicianWorkflow, patientCheckIn } from "./soak-flows";

// A patient's link allows 60 requests per address in 5 minutes (ADR 0014); a check-in costs 3
// (page, post, page again), a double tap 5: one check-in per patient every 30 s stays inside it.
const PATIENT_GAP_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export async function benchSoak() {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error("The soak runs on PostgreSQL: set BENCH_DATABASE_URL to a database of its own (it adds a clinic each run).");
  const seconds = Number(process.env.SOAK_SECONDS ?? 180);
  const clinicians = Number(process.env.SOAK_CLINICIANS ?? 4);
  const patientWorkers = Number(process.env.SOAK_PATIENTS ?? 8);
  const port = Number(process.env.BENCH_PORT ?? 3350);
  buildIfNeeded({ log: (m) => process.stderr.write(`${m}\n`) });

  const logDir = mkdtempSync(path.join(tmpdir(), "loadwise-bench-soak-"));
  const authSecret = randomBytes(32).toString("base64url");
  const [server] = await startAppServers({ ports: [port], databaseUrl, authSecret, logDir });
  const base = server!.base;
  const errors: string[] = [];
  let keepLogs = false;
  try {
    const password = randomBytes(12).toString("base64url");
    const seed = JSON.parse(runTs("scripts/bench/soak-db.ts", ["seed", String(clinicians), password], { ...process.env, DATABASE_URL: databaseUrl })) as {
      clinicId: string;
      emails: string[];
    };

    let measuring = false;
    const times: number[] = [];
    let serverErrors = 0;
    const observe = (r: { status: number; ms: number }) => {
      if (r.status >= 500) serverErrors++;
      if (measuring) times.push(r.ms);
    };
    const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    type Patient = { link: string; client: HttpClient; nextAt: number; busy: boolean };
    const pool: Patient[] = [];
    const addPatient = (link: string) => pool.push({ link, client: new HttpClient(base, { address: address(), observe }), nextAt: 0, busy: false });
    const fail = (who: string, err: unknown) => {
      const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : "";
      errors.push(`${who}: ${err instanceof Error ? err.message : String(err)}${cause}`.slice(0, 400));
    };

    // Warm-up (not measured): each clinician signs in and publishes one plan, so patients have
    // links from the first second.
    const staff = await Promise.all(
      seed.emails.map(async (email) => {
        const c = new HttpClient(base, { address: address(), observe });
        const refused = await c.signIn(email, password);
        if (refused) throw new Error(`soak clinician could not sign in: ${refused}`);
        addPatient(await clinicianWorkflow(c, 0));
        return c;
      }),
    );

    const rss: Array<[number, number]> = [];
    const started = Date.now();
    const deadline = started + seconds * 1000;
    measuring = true;
    const sample = () => {
      const r = rssOf(server!.pid);
      if (r !== null) rss.push([(Date.now() - started) / 60_000, r]);
    };
    sample();
    const sampler = setInterval(sample, 5_000);

    let workflows = 0;
    const acked = new Set<string>();
    let doubles = 0;
    let checkIns = 0;
    const clinicianLoop = async (c: HttpClient, i: number) => {
      for (let n = 1; Date.now() < deadline; n++) {
        try {
          addPatient(await clinicianWorkflow(c, n));
          workflows++;
        } catch (err) {
          fail(`clinician ${i + 1}`, err);
          await sleep(1000);
        }
      }
    };
    const patientLoop = async (w: number) => {
      while (Date.now() < deadline) {
        const now = Date.now();
        const p = pool.filter((x) => !x.busy && x.nextAt <= now).sort((a, b) => a.nextAt - b.nextAt)[0];
        if (!p) {
          await sleep(200);
          continue;
        }
        p.busy = true;
        const twice = checkIns++ % 5 === 4;
        try {
          acked.add(await patientCheckIn(p.client, p.link, twice));
          if (twice) doubles++;
        } catch (err) {
          fail(`patient worker ${w + 1}`, err);
        } finally {
          p.busy = false;
          p.nextAt = Date.now() + PATIENT_GAP_MS;
        }
      }
    };
    await Promise.all([...staff.map(clinicianLoop), ...Array.from({ length: patientWorkers }, (_, w) => patientLoop(w))]);
    const elapsed = (Date.now() - started) / 1000;
    measuring = false;
    clearInterval(sampler);
    sample();

    // What the app acknowledged against what the database holds, key by key.
    const sql = postgres(databaseUrl, { max: 1, prepare: postgresOptionsFromUrl(databaseUrl).prepare, onnotice: () => {} });
    let stored: Array<{ key: string; n: number }>;
    try {
      stored = await sql<Array<{ key: string; n: number }>>`select idempotency_key as key, count(*)::int as n from check_ins where clinic_id = ${seed.clinicId} group by 1`;
    } finally {
      await sql.end();
    }
    const inDb = new Map(stored.map((r) => [r.key, r.n]));
    const lost = [...acked].filter((k) => !inDb.has(k)).length;
    const duplicated = stored.reduce((s, r) => s + (r.n - 1), 0);
    const unacknowledged = stored.filter((r) => !acked.has(r.key)).length;
    const chain = JSON.parse(runTs("scripts/bench/soak-db.ts", ["verify", seed.clinicId], { ...process.env, DATABASE_URL: databaseUrl })) as {
      ok: boolean;
      checked: number;
      problems: unknown[];
    };
    const auditChain = chain.ok ? `intact (${chain.checked} events)` : `BROKEN: ${JSON.stringify(chain.problems)}`;

    times.sort((a, b) => a - b);
    const rssValues = rss.map(([, r]) => r);
    const ok = errors.length === 0 && serverErrors === 0 && lost === 0 && duplicated === 0 && unacknowledged === 0 && chain.ok;
    keepLogs = !ok;
    if (!ok) process.exitCode = 1;
    for (const e of errors.slice(0, 10)) process.stderr.write(`soak error: ${e}\n`);
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
    process.stderr.write(`soak: ${Math.round(elapsed)} s on ${machine}; server log ${keepLogs ? server!.log : "(removed)"}\n`);
    return [
      {
        name: `soak: ${clinicians} clinicians + ${patientWorkers} patients at a time, PostgreSQL${postgresOptionsFromUrl(databaseUrl).prepare ? "" : " (prepare=false)"}`,
        ok,
        seconds: Math.round(elapsed),
        errors: errors.length,
        http5xx: serverErrors,
        plansPublished: workflows,
        checkInsAcknowledged: acked.size,
        doubleSubmits: doubles,
        lost,
        duplicated,
        storedUnacknowledged: unacknowledged,
        requests: times.length,
        reqPerSec: Math.round((times.length / elapsed) * 10) / 10,
        p50ms: Math.round(percentile(times, 50)),
        p95ms: Math.round(percentile(times, 95)),
        rssFirstMB: mb(rssValues[0] ?? 0),
        rssLastMB: mb(rssValues.at(-1) ?? 0),
        rssMaxMB: mb(Math.max(...rssValues)),
        rssSlopeMBperMin: Math.round((slope(rss) / 2 ** 20) * 10) / 10,
        // The first minutes include the heap growing to its working size; flat means this one.
        rssSlopeSecondHalfMBperMin: Math.round((slope(rss.filter(([t]) => t >= elapsed / 120)) / 2 ** 20) * 10) / 10,
        rssSamples: rss.length,
        // One sample per minute, to see where it levels off.
        rssByMinuteMB: rss.filter(([t], i) => i === 0 || Math.floor(t) > Math.floor(rss[i - 1]![0])).map(([, r]) => mb(r)).join(" "),
        auditChain,
      },
    ];
  } catch (err) {
    keepLogs = true;
    process.stderr.write(`soak stopped: ${(err as Error).message}; server exited: ${server!.process.exitCode ?? server!.process.signalCode ?? "no"}; log ${server!.log}\n`);
    throw err;
  } finally {
    await server!.stop();
    if (!keepLogs) rmSync(logDir, { recursive: true, force: true });
  }
}
