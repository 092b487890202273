// Builds the app (`next build`) when there is no build yet or a source changed since the last one.
// Used by `npm start` and by the tests that start production servers themselves (tests/servers),
// which build once before starting several servers, so no two builds write .next at once.
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

/** Returns false when the build is current; exits the process when a needed build fails. */
export function buildIfNeeded({ log = console.log } = {}) {
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (builtAt && changedAt <= builtAt) return false;
  log(builtAt ? "Sources changed since the last build: building…" : "No build yet: building (about a minute)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit", cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return true;
}
