// The server Playwright tests against: a production build on a brand-new embedded database in a
// temporary directory, seeded with the demo clinics, so every run starts from the same state.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "loadwise-e2e-"));
// One trusted proxy hop, as behind a clinic's load balancer: the security spec plays that proxy
// (it appends the address it "saw" to X-Forwarded-For) and shows that what a client writes to
// the left of it changes nothing. Requests with no such header are from the socket's peer.
const env = { ...process.env, PGLITE_DIR: path.join(dataDir, "pglite"), DATABASE_URL: "", NODE_ENV: "production", TRUSTED_PROXY_HOPS: "1", LOADWISE_TEST_CLOCK: "1" };
delete env.DATABASE_URL;

const prep = spawnSync(process.execPath, [path.join(root, "scripts/run-ts.mjs"), path.join(root, "scripts/prepare-embedded.ts")], {
  stdio: "inherit",
  env,
  cwd: root,
});
if (prep.status !== 0) process.exit(prep.status ?? 1);

// The same server `npm start` runs, in this process, on a fresh embedded database.
Object.assign(process.env, env);
delete process.env.DATABASE_URL;
const { startServer } = await import("./server.mjs");
await startServer({ port: Number(process.env.E2E_PORT ?? 3210), host: "127.0.0.1", log: () => {} });
