// `npm start`: build if the sources changed since the last build, prepare the database
// (migrate; seed the embedded one on first start), then serve on PORT (default 3000).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

buildIfNeeded();

run(process.execPath, [path.join(root, "scripts", "run-ts.mjs"), path.join(root, "scripts", "prepare-embedded.ts")]);

// The server runs in this process (scripts/server.mjs): a stop signal reaches it directly, and
// nothing is left holding the port when `npm start` ends.
const { startServer } = await import("./server.mjs");
const port = Number(process.env.PORT ?? 3000);
await startServer({ port, host: process.env.HOST ?? "0.0.0.0" });
console.log(`\nLoadwise is running on http://localhost:${port} — sign in with one of the accounts above.\n`);
