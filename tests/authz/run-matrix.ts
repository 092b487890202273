// Drives the authorization matrix (tests/authz/matrix.ts) against the production server: the
// built app (`next build` first) served by scripts/server.mjs, the same server `npm start` runs,
// on a fresh embedded database seeded by tests/authz/seed-fixture.ts. Every cell is a real HTTP
// request with the actor's own cookie: pages and route handlers as a browser asks for them,
// server actions as React posts them (`Next-Action: <id>` from the build's manifest, arguments
// in React's own reply encoding). Prints the matrix and its counts; exits 1 on any mismatch.
//
// The server runs in this process (scripts/e2e-server.mjs does the same), so this script can
// read and write the very database the server uses: PGlite allows one process. That is how a
// session is expired or its user deactivated after sign-in, and how each refused request is
// shown to have changed no row of clinic 1.
//
//   node --import tsx tests/authz/run-matrix.ts        (npm run test:authz; part of npm test)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { routeOf } from "../support/app-surface";
import { matrixCoverage, surfaceKeys } from "./coverage";
import type { Fixture } from "./fixture";
import { ACTORS, CLINIC1_STAFF, entryKey, MATRIX, type ActionEntry, type ActorKey, type Ctx, type Entry } from "./matrix";
import { classifyAction, httpOutcome, type Outcome } from "./outcome";

const root = path.resolve(import.meta.dirname, "../..");
const started = Date.now();
const log = (s: string) => process.stdout.write(`${s}\n`);
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("The authorization matrix runs against the production build: run `npx next build` first.");
  process.exit(1);
}

// ---- the database and the server ------------------------------------------------------------

const dir = mkdtempSync(path.join(tmpdir(), "loadwise-authz-"));
const pgliteDir = path.join(dir, "pglite");
const fixtureFile = path.join(dir, "fixture.json");
const seeded = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "seed-fixture.ts"), pgliteDir, fixtureFile], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: "" },
});
if (seeded.status !== 0) {
  console.error("The matrix's database could not be seeded.");
  process.exit(1);
}
const fx = JSON.parse(readFileSync(fixtureFile, "utf8")) as Fixture;
log(`seeded ${seconds()}`);

const port = await new Promise<number>((resolve, reject) => {
  const probe = createServer();
  probe.once("error", reject);
  probe.listen(0, "127.0.0.1", () => {
    const p = (probe.address() as { port: number }).port;
    probe.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
// One trusted proxy hop: each actor comes from its own address, as different people would, so
// the per-address limit on patient links counts each of them apart (ADR 0014).
Object.assign(process.env, { PGLITE_DIR: pgliteDir, NODE_ENV: "production", TRUSTED_PROXY_HOPS: "1", APP_URL: "" });
delete process.env.DATABASE_URL;
delete process.env.APP_URL;
delete process.env.LOADWISE_TEST_CLOCK;
// Housekeeping recounts worklist columns on a timer; it must not write while a refused request
// is being shown to change nothing. Its schedule is skipped when one is already registered.
(globalThis as { __loadwiseHousekeeping?: unknown }).__loadwiseHousekeeping = setTimeout(() => {}, 0);
const { startServer } = (await import(path.join(root, "scripts/server.mjs"))) as {
  startServer: (o: { port: number; host: string; log: (s: string) => void }) => Promise<{ server: import("node:http").Server }>;
};
const { server } = await startServer({ port, host: "127.0.0.1", log: () => {} });
// Idle sockets stay open longer than the client keeps them (undici: 4 s), so a request never
// races the server closing the socket it reuses (a busy machine can pause for seconds).
server.keepAliveTimeout = 120_000;
log(`server up ${seconds()}`);

// The server opens the database on its first request that needs it; then this process shares it.
await fetch(`${base}/p/${fx.unknownToken}`, { headers: { "x-forwarded-for": "198.51.100.250" } });
type PGliteLike = { query: <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }> };
const handle = await (globalThis as unknown as { __loadwiseDb?: Promise<{ db: { $client: PGliteLike } }> }).__loadwiseDb;
if (!handle) throw new Error("the server did not open its database");
const client = handle.db.$client;
const q: Ctx["q"] = async <T,>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows;

// ---- the actors ------------------------------------------------------------------------------

type Actor = { key: ActorKey; cookie: string; address: string; user: Ctx["actor"]["user"]; token: string; sessionId?: string; prepare?: () => Promise<void> };

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

async function signIn(email: string, address: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": address } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiesOf(csrf).join("; "), "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams({ email, password: fx.password, csrfToken, callbackUrl: "/patients" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("authjs.session-token="));
  if (res.status !== 302 || !session) throw new Error(`could not sign in ${email}: ${res.status} ${res.headers.get("location")}`);
  return session;
}

const latestSession = async (userId: string) => (await q<{ id: string }>("select id from sessions where user_id = $1 and revoked_at is null order by created_at desc limit 1", [userId]))[0]!.id;

const peopleKey: Partial<Record<ActorKey, keyof Fixture["people"]>> = { A: "clinicianA", B: "clinicianB", adm: "admin1", c2: "clinician2", adm2: "admin2", deact: "deactivated", exp: "expired" };
const actors: Actor[] = [];
for (const [i, a] of ACTORS.entries()) {
  const address = `198.51.100.${10 + i}`;
  const who = peopleKey[a.key];
  const user = who ? fx.people[who] : null;
  const token = a.key === "link" ? fx.linkToken : a.key === "rvk" ? fx.revokedToken : fx.unknownToken;
  actors.push({ key: a.key, address, user, token, cookie: user ? await signIn(user.email, address) : "" });
}
// The deactivated user signed in while active; the admin's deactivation would also end their
// sessions, so the row is deactivated here directly: what is left is a live session row whose
// user is inactive. Checking it ends it, so it is made live again before each request, as is
// the expired one (past its absolute lifetime: ADR 0003).
const deact = actors.find((a) => a.key === "deact")!;
const exp = actors.find((a) => a.key === "exp")!;
deact.sessionId = await latestSession(deact.user!.id);
exp.sessionId = await latestSession(exp.user!.id);
await q("update users set active = false where id = $1", [deact.user!.id]);
deact.prepare = async () => void (await q("update sessions set revoked_at = null where id = $1", [deact.sessionId]));
exp.prepare = async () => void (await q("update sessions set revoked_at = null, expires_at = now() - interval '1 minute' where id = $1", [exp.sessionId]));
log(`actors signed in ${seconds()}`);

// ---- the surface: the code, the build and the matrix agree -----------------------------------

const problems: string[] = [];
const declared = new Set(MATRIX.map(entryKey));
const coverage = matrixCoverage(MATRIX, surfaceKeys());
for (const k of coverage.missing) problems.push(`${k}: in the app, not in tests/authz/matrix.ts`);
for (const k of coverage.stale) problems.push(`${k}: in tests/authz/matrix.ts, not in the app`);

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
const manifest = (JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> }).node;
const actionIds = new Map(Object.entries(manifest).map(([id, e]) => [`${e.filename}#${e.exportedName}`, { id, workers: Object.keys(e.workers) }]));
for (const k of actionIds.keys()) if (!declared.has(k)) problems.push(`${k}: an action in the build, not in tests/authz/matrix.ts`);

// React's own encoder for action arguments, as the browser's form submission uses it.
const { encodeReply } = createRequire(path.join(root, "package.json"))("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (v: unknown[]) => Promise<string | FormData>;
};

// ---- one case ---------------------------------------------------------------------------------

const FINGERPRINT_SKIP: Record<string, string> = {
  audit_events: "reads are audited, and a refused request may be",
  sessions: "the actors' own sessions: checking a dead one ends it, signing in makes one",
  rate_limits: "every patient-link request is counted",
};
const fingerprintTables = (
  await q<{ table_name: string }>("select table_name from information_schema.columns where table_schema = 'public' and column_name = 'clinic_id' order by table_name")
)
  .map((r) => r.table_name)
  .filter((t) => !(t in FINGERPRINT_SKIP));

/** A digest of every clinic-1 row (and the clinic's own row), per table, in one query. */
const digestOf = (table: string, where: string) =>
  `select '${table}' as t, md5(string_agg(md5(x::text), '' order by md5(x::text))) as h from "${table}" x where ${where} = $1`;
const fingerprintSql = [digestOf("clinics", "id"), ...fingerprintTables.map((t) => digestOf(t, "clinic_id"))].join("\nunion all\n");
let fingerprintMs = 0;
async function fingerprint(): Promise<Map<string, string>> {
  const t0 = Date.now();
  const rows = await q<{ t: string; h: string | null }>(fingerprintSql, [fx.clinic1.id]);
  fingerprintMs += Date.now() - t0;
  return new Map(rows.map((r) => [r.t, r.h ?? ""]));
}
const changedTables = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => a.get(k) !== b.get(k));

// The row check must see a change when there is one: touch one clinic-1 row, look, put it back.
{
  const untouched = await fingerprint();
  const shift = (sign: "+" | "-") => q(`update patients set updated_at = updated_at ${sign} interval '1 millisecond' where id = $1`, [fx.rahman.patientId]);
  await shift("+");
  const touched = changedTables(untouched, await fingerprint());
  await shift("-");
  const restored = changedTables(untouched, await fingerprint());
  if (touched.join() !== "patients" || restored.length) problems.push(`the row check is blind: a touched patient row showed as [${touched}], put back as [${restored}]`);
}

let uniqueN = 0;
function ctxFor(actor: Actor): Ctx {
  return {
    fx,
    actor: { key: actor.key, user: actor.user, token: actor.token },
    q,
    unique: (prefix) => `${prefix}${Date.now().toString(36)}${(uniqueN++).toString(36)}`,
    get: async (p) => {
      const res = await fetch(`${base}${p}`, { headers: { cookie: actor.cookie, "x-forwarded-for": actor.address } });
      return { setCookies: cookiesOf(res), json: await res.json() };
    },
  };
}

type Sent = { status: number; outcome: Outcome; detail: string; body: string; requestText: string };

async function send(entry: Entry, actor: Actor): Promise<Sent> {
  const c = ctxFor(actor);
  const headers: Record<string, string> = { "x-forwarded-for": actor.address };
  const withCookie = (extra?: string) => [actor.cookie, extra].filter(Boolean).join("; ");
  if (entry.kind === "page") {
    const p = entry.path(c);
    await actor.prepare?.();
    const res = await fetch(`${base}${p}`, { redirect: "manual", headers: { ...headers, cookie: withCookie() } });
    const body = await res.text();
    return { status: res.status, outcome: httpOutcome(res.status, res.headers.get("location")), detail: res.headers.get("location") ?? "", body, requestText: p };
  }
  if (entry.kind === "route") {
    const r = await entry.request(c);
    await actor.prepare?.();
    const res = await fetch(`${base}${r.path}`, {
      method: entry.method,
      redirect: "manual",
      headers: { ...headers, ...r.headers, cookie: withCookie(r.headers?.cookie) },
      body: r.body,
    });
    const buf = Buffer.from(await res.arrayBuffer());
    return { status: res.status, outcome: httpOutcome(res.status, res.headers.get("location")), detail: res.headers.get("location") ?? "", body: buf.toString("latin1"), requestText: `${r.path} ${String(r.body ?? "")}` };
  }
  const action = actionIds.get(entryKey(entry));
  if (!action) return { status: 0, outcome: "other 0", detail: "not in the build's action manifest", body: "", requestText: "" };
  const p = entry.postTo(c);
  let requestText = p;
  let body: string | FormData;
  if (entry.fields) {
    const fields = await entry.fields(c);
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
    requestText += ` ${JSON.stringify(fields)}`;
    // useActionState calls the action with (previous state, form data); the first state is null.
    body = await encodeReply([null, fd]);
  } else {
    body = await encodeReply([]);
  }
  await actor.prepare?.();
  const res = await fetch(`${base}${p}`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie: withCookie(), "next-action": action.id, origin: base, accept: "text/x-component" },
    body,
  });
  const buf = Buffer.from(await res.arrayBuffer());
  const { outcome, detail } = classifyAction(res.status, res.headers, buf);
  return { status: res.status, outcome, detail, body: buf.toString("utf8"), requestText };
}

/** Is the action's page one of those the build bundles it into? (Else Next would forward it.) */
function postsToItsOwnPage(entry: ActionEntry, p: string): boolean {
  const workers = actionIds.get(entryKey(entry))?.workers ?? [];
  const pathname = p.split("?")[0]!;
  return workers.some((w) => {
    const route = routeOf(`${w}.tsx`);
    if (!route) return false;
    const re = new RegExp(`^${route.replace(/\[\.\.\.[^\]]+\]/g, ".+").replace(/\[[^\]]+\]/g, "[^/]+")}$`);
    return re.test(pathname);
  });
}

// ---- the run ---------------------------------------------------------------------------------

const ALLOWED = new Set<Outcome>(["200", "ok", "→app"]);
type Cell = { got: Outcome; expected: Outcome; problems: string[] };
const results = new Map<string, Map<ActorKey, Cell>>();
let fiveXX = 0;
let requestMs = 0;
let cases = 0;

const ordered = [...MATRIX.filter((e) => !(e.kind === "action" && e.last)), ...MATRIX.filter((e) => e.kind === "action" && e.last)];
for (const entry of ordered) {
  const key = entryKey(entry);
  const row = new Map<ActorKey, Cell>();
  results.set(key, row);
  if (entry.kind === "action") {
    const p = entry.postTo(ctxFor(actors[1]!));
    if (!postsToItsOwnPage(entry, p)) problems.push(`${key}: posts to ${p}, a page the build does not bundle the action into`);
  }
  // Requests that may not change clinic 1's rows go first, each shown to change none, while the
  // records they name are as the fixture made them (a live link still there to revoke, say).
  // Clinic 2's staff are always among them, even where they may act on their own clinic. Then
  // clinic 1's own staff and the patient through the link, doing what they may.
  const mayChange = (a: Actor) => (CLINIC1_STAFF.includes(a.key) || a.key === "link") && ALLOWED.has(entry.expect[a.key]);
  const order = [...actors.filter((a) => !mayChange(a)), ...actors.filter(mayChange)];
  let before: Map<string, string> | null = null;
  for (const actor of order) {
    const expected = entry.expect[actor.key];
    const checkRows = !mayChange(actor);
    if (checkRows && !before) before = await fingerprint();
    let sent: Sent;
    const t0 = Date.now();
    try {
      sent = await send(entry, actor);
    } catch (err) {
      sent = { status: 0, outcome: "other 0", detail: err instanceof Error ? err.message : String(err), body: "", requestText: "" };
    }
    cases++;
    requestMs += Date.now() - t0;
    const cell: Cell = { got: sent.outcome, expected, problems: [] };
    if (sent.status >= 500) fiveXX++;
    if (sent.outcome !== expected) cell.problems.push(`expected ${expected}, got ${sent.outcome} (${sent.detail || `HTTP ${sent.status}`})`);
    if (checkRows) {
      const after = await fingerprint();
      const changed = changedTables(before!, after);
      if (changed.length) cell.problems.push(`changed clinic 1's rows in ${changed.join(", ")}`);
      before = after;
    }
    // Nobody outside clinic 1 sees clinic 1's people or patients (the patient sees their own plan).
    const leakChecked = !CLINIC1_STAFF.includes(actor.key) && entry.leakCheck !== false && !(actor.key === "link" && (entry.kind === "action" ? key.startsWith("app/p/") : entry.route.startsWith("/p/")));
    if (leakChecked) {
      // Whole words: a name inside a longer word ("Martin" in the time-zone list's "America/Martinique") is not a leak.
      const said = (text: string, m: string) => new RegExp(`(?<![\\p{L}\\p{N}])${m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(text);
      const shown = fx.clinic1Markers.filter((m) => said(sent.body, m) && !said(sent.requestText, m));
      if (shown.length) cell.problems.push(`the response shows clinic 1's ${shown.map((m) => `"${m}"`).join(", ")}`);
    }
    if (entry.kind !== "page" && entry.verify) {
      const wrong = await entry.verify(ctxFor(actor), { outcome: sent.outcome, body: sent.body });
      if (wrong) cell.problems.push(wrong);
    }
    row.set(actor.key, cell);
  }
}

// ---- the report -------------------------------------------------------------------------------

const keyWidth = Math.min(70, Math.max(...MATRIX.map((e) => shortKey(e).length)));
function shortKey(e: Entry) {
  if (e.kind === "page") return `page ${e.route}`;
  if (e.kind === "route") return `${e.method} ${e.route}`;
  return `${e.exportName} (${path.posix.dirname(e.file).replace(/^app\//, "")})`;
}
const cellWidth = 10;
const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
log("\nAuthorization matrix: rows are the app's pages, route handlers and server actions; columns are who asks; a cell is what they got (! = not what was declared).");
log(ACTORS.map((a) => `  ${a.key.padEnd(6)} ${a.label}`).join("\n"));
log(
  `Every request except clinic 1's own staff and the link holder doing what they may is shown to change no row of clinic 1 ` +
    `(${fingerprintTables.length + 1} tables; not ${Object.entries(FINGERPRINT_SKIP).map(([t, why]) => `${t}: ${why}`).join("; ")}), ` +
    `and every response to someone outside clinic 1 to name none of its people or patients.`,
);
log(`\n${pad("", keyWidth)} ${ACTORS.map((a) => pad(a.key, cellWidth)).join("")}`);
const mismatches: string[] = [];
for (const entry of MATRIX) {
  const row = results.get(entryKey(entry))!;
  const line = ACTORS.map((a) => {
    const cell = row.get(a.key)!;
    if (cell.problems.length) mismatches.push(...cell.problems.map((p) => `${entryKey(entry)} × ${a.key}: ${p}`));
    return pad(`${cell.problems.length ? "!" : ""}${cell.got}`, cellWidth);
  }).join("");
  log(`${pad(shortKey(entry), keyWidth)} ${line}`);
}
const count = (kind: Entry["kind"]) => MATRIX.filter((e) => e.kind === kind).length;
log(
  `\n${MATRIX.length} entries (${count("page")} pages, ${count("route")} route handler methods, ${count("action")} server actions) × ${ACTORS.length} actors = ${cases} cases; ` +
    `${fiveXX} answered 5xx; ${mismatches.length} mismatches; ${problems.length} surface problems; ${seconds()} ` +
    `(requests ${(requestMs / 1000).toFixed(0)} s, row checks ${(fingerprintMs / 1000).toFixed(0)} s).`,
);
for (const p of [...problems, ...mismatches]) log(`  ✗ ${p}`);

server.close();
server.closeAllConnections();
try {
  await (await (globalThis as unknown as { __loadwiseDb: Promise<{ close: () => Promise<void> }> }).__loadwiseDb).close();
} catch {}
rmSync(dir, { recursive: true, force: true });
const failed = problems.length + mismatches.length + fiveXX > 0;
log(failed ? "\nThe authorization matrix failed." : "\nThe authorization matrix passed.");
process.exit(failed ? 1 : 0);
