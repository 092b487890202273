import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";

// `npm start` as an operator runs it, then SIGTERM to the npm process itself: the app server
// stops, the embedded database is closed, and nothing is left holding the port.
const PORT = 3296;
const root = path.resolve(import.meta.dirname, "../..");

const portFree = () =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer().once("error", () => resolve(false));
    probe.listen(PORT, "127.0.0.1", () => probe.close(() => resolve(true)));
  });

test("[OPS]: SIGTERM to `npm start` stops the server cleanly and frees the port", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "loadwise-stop-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", PGLITE_DIR: path.join(dir, "pglite"), TRUSTED_PROXY_HOPS: "" };
  delete env.DATABASE_URL;
  const npm = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  npm.stdout.on("data", (d) => (out += String(d)));
  npm.stderr.on("data", (d) => (out += String(d)));
  try {
    await expect
      .poll(async () => {
        try {
          return (await fetch(`http://127.0.0.1:${PORT}/login`)).status;
        } catch {
          return 0;
        }
      }, { timeout: 180_000, intervals: [1000] })
      .toBe(200);
    const exited = new Promise<{ code: number | null; signal: string | null }>((r) => npm.once("exit", (code, signal) => r({ code, signal })));
    npm.kill("SIGTERM");
    const { code, signal } = await exited;
    // npm itself ends (by its own exit or by re-raising the signal), after the server said so.
    expect(code === 0 || signal === "SIGTERM", `npm exited with ${code} / ${signal}`).toBe(true);
    expect(out).toContain("Loadwise stopped.");
    expect(await portFree()).toBe(true);
    // PostgreSQL's control file says "shut down" (1), not "in production" (6): the next start
    // needs no crash recovery.
    const state = readFileSync(path.join(dir, "pglite", "global", "pg_control")).readUInt32LE(16);
    expect(state).toBe(1);
  } finally {
    if (npm.exitCode === null) npm.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});
