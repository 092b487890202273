// Starts production app servers the way `npm start` runs them (scripts/start.mjs: migrate, then
// scripts/server.mjs), each in its own process on its own port, against one DATABASE_URL. Used by
// the several-servers test (tests/servers) and the soak bench, which build once first
// (scripts/build-if-needed.mjs) so that no two servers build at the same time.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

export type AppServer = { base: string; port: number; pid: number; log: string; process: ChildProcess; stop: () => Promise<void> };

export async function waitForHttp(url: string, ms: number, alive: () => boolean = () => true) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive()) throw new Error(`the server for ${url} exited before it answered`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer at ${url} within ${Math.round(ms / 1000)} s`);
}

/**
 * One `node scripts/start.mjs` per port, all started at once (so their migrations race, as on a
 * deploy). Output goes to `<logDir>/server-<port>.log`. `TRUSTED_PROXY_HOPS=1`: the caller plays
 * the load balancer and names each visitor's address in X-Forwarded-For (ADR 0014).
 */
export async function startAppServers(opts: {
  ports: number[];
  databaseUrl: string;
  authSecret: string;
  logDir: string;
  env?: NodeJS.ProcessEnv;
  readyMs?: number;
}): Promise<AppServer[]> {
  const servers = opts.ports.map((port) => {
    const log = path.join(opts.logDir, `server-${port}.log`);
    const out = createWriteStream(log);
    const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
      cwd: root,
      env: {
        ...process.env,
        ...opts.env,
        DATABASE_URL: opts.databaseUrl,
        AUTH_SECRET: opts.authSecret,
        APP_URL: `http://127.0.0.1:${opts.ports[0]}`,
        PORT: String(port),
        HOST: "127.0.0.1",
        TRUSTED_PROXY_HOPS: "1",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.pipe(out);
    child.stderr!.pipe(out);
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    const server: AppServer = {
      base: `http://127.0.0.1:${port}`,
      port,
      pid: child.pid!,
      log,
      process: child,
      // SIGTERM: the server finishes open requests and closes its database pool (scripts/server.mjs).
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
        await exited;
      },
    };
    return server;
  });
  try {
    await Promise.all(servers.map((s) => waitForHttp(`${s.base}/login`, opts.readyMs ?? 240_000, () => s.process.exitCode === null)));
  } catch (err) {
    await Promise.all(servers.map((s) => s.stop()));
    const logs = servers.map((s) => `--- ${s.log}\n${safeRead(s.log).slice(-3000)}`).join("\n");
    throw new Error(`${(err as Error).message}\n${logs}`);
  }
  return servers;
}

const safeRead = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

/** Resident memory of a process in bytes (Linux /proc), or null when it has gone. */
export function rssOf(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
