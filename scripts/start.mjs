// `npm start`: build if the sources changed since the last build, prepare the database
// (migrate; seed the embedded one on first start), then serve on PORT (default 3000).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "db", "public", "proxy.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (!builtAt || changedAt > builtAt) {
  console.log(builtAt ? "Sources changed since the last build: building…" : "No build yet: building (about a minute)…");
  run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"]);
}

run(process.execPath, [path.join(root, "scripts", "run-ts.mjs"), path.join(root, "scripts", "prepare-embedded.ts")]);

// The server runs in this process (scripts/server.mjs): a stop signal reaches it directly, and
// nothing is left holding the port when `npm start` ends.
const { startServer } = await import("./server.mjs");
const port = Number(process.env.PORT ?? 3000);
await startServer({ port, host: process.env.HOST ?? "0.0.0.0" });
console.log(`\nLoadwise is running on http://localhost:${port} — sign in with one of the accounts above.\n`);
