#!/usr/bin/env node
// Runs after `npm install` / `npm ci` (package.json "postinstall"). Patches postgres.js 3.4.9,
// the newest release, for a defect that takes a whole app server down when PostgreSQL ends a
// connection in the middle of a transaction (pg_terminate_backend, a failover, a pooler restart):
//
// 1. The transaction's ROLLBACK is written to the dead connection; the write is deferred with
//    setImmediate and then calls socket.write on a null socket: an uncaught TypeError from a timer,
//    which no try/catch of ours can catch, and the Node process exits.
// 2. closed() and terminate() cancel that deferred write but leave its timer handle set, so every
//    later write on the same pool slot (the reconnect's startup message) waits for a timer that
//    never fires: the slot never reconnects and answers CONNECT_TIMEOUT from then on.
// 3. closed() keeps the killed backend's last error, and the first query on the reconnected slot
//    fails with it (57P01) although the new connection is fine.
//
// Upstream: porsager/postgres issues 1066, 1154 and 1208; pull requests 1168, 1176 and 1209 (not
// released). The fix here: a write with no socket settles the waiting queries with
// CONNECTION_CLOSED (the app's "database unavailable" path) instead of throwing, and both teardown
// paths forget the cancelled timer and its buffered bytes, and closed() the stale error. tests/integration/connection-kill.test.ts
// kills backends mid-transaction on PostgreSQL; scripts/patch-postgres.test.ts checks it is applied.
//
// When postgres.js is upgraded and the text below is not found, this fails on purpose: check
// whether the release fixed the defect, then drop or adapt this patch.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = path.join(root, "node_modules", "postgres");
const MARK = "/* loadwise: patched dead-socket write (scripts/patch-postgres.mjs) */";

const edits = [
  {
    from: "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    to:
      "  function nextWrite(fn) {\n" +
      `    ${MARK}\n` +
      "    if (socket === null) {\n" +
      "      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n" +
      "      chunk = nextWriteTimer = null\n" +
      "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
      "      return false\n" +
      "    }\n" +
      "    const x = socket.write(chunk, fn)",
  },
  {
    // terminate(): the cancelled timer and its bytes are forgotten.
    from: "    clearImmediate(nextWriteTimer)\n    if (socket) {",
    to: "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {",
  },
  {
    // closed(): likewise, so the reconnect's startup message is written; and the dead backend's
    // last error (57P01, held for a ReadyForQuery that never came) is not handed to the first
    // query on the new connection.
    from: "    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
    to: "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    errorResponse = null\n    socket.removeListener('data', data)",
  },
];

export const POSTGRES_PATCH_MARK = MARK;
export const patchedFiles = ["src", "cjs/src", "cf/src"].map((d) => path.join(pkgDir, d, "connection.js"));

export function patchPostgres() {
  if (!existsSync(pkgDir)) return { patched: [], skipped: "postgres is not installed" };
  const patched = [];
  for (const file of patchedFiles) {
    if (!existsSync(file)) continue;
    let text = readFileSync(file, "utf8");
    if (text.includes(MARK)) continue;
    for (const e of edits) {
      if (text.split(e.from).length !== 2) {
        throw new Error(
          `patch-postgres: ${path.relative(root, file)} does not contain the expected code. postgres.js was upgraded: check whether it fixes the dead-socket write (porsager/postgres#1154), then update or remove scripts/patch-postgres.mjs.`,
        );
      }
      text = text.replace(e.from, e.to);
    }
    writeFileSync(file, text);
    patched.push(path.relative(root, file));
  }
  return { patched, skipped: null };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = patchPostgres();
    if (r.patched.length) console.log(`patch-postgres: patched ${r.patched.join(", ")}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
