// The app server: Next's request handler behind a plain Node HTTP server we own, so that
//  - the client's address is decided at the socket (X-Forwarded-For only as far as the operator's
//    own proxies go, TRUSTED_PROXY_HOPS) and handed to the app in a header no client can set;
//  - SIGTERM / Ctrl-C stop accepting connections, let in-flight requests finish, then close the
//    database cleanly (PGlite then needs no crash recovery on the next start).
//  - a 5xx while the database is unreachable goes out as a plain 503 with Retry-After
//    (scripts/outage-guard.mjs).
// Used by `npm start` (scripts/start.mjs) and by the end-to-end server.
import http from "node:http";
import path from "node:path";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_TRUSTED_ENV, resolveClientAddress, trustedHopsFromEnv } from "./client-address.mjs";
import { guardDatabaseOutage } from "./outage-guard.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** Headers that describe the hop in front of us: believed only from a trusted proxy. */
const HOP_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

export async function startServer({ port = Number(process.env.PORT ?? 3000), host = process.env.HOST ?? "0.0.0.0", log = console.log } = {}) {
  let hops;
  try {
    hops = trustedHopsFromEnv();
  } catch (err) {
    console.error(`Loadwise cannot start: ${err.message}`);
    process.exit(1);
  }
  const testClock = process.env.LOADWISE_TEST_CLOCK === "1" && !process.env.DATABASE_URL;
  if (testClock) log("LOADWISE_TEST_CLOCK=1: requests may set their own date (end-to-end tests only).");
  process.env.NODE_ENV = "production";
  process.env[CLIENT_ADDRESS_TRUSTED_ENV] = "1";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname: host === "0.0.0.0" ? "localhost" : host, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    const client = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
    req.headers[CLIENT_ADDRESS_HEADER] = client ?? "";
    // Next fills x-forwarded-for from the socket only when a client has not already set it; make
    // whatever reads it downstream see the address we decided on.
    if (client) req.headers["x-forwarded-for"] = client;
    else delete req.headers["x-forwarded-for"];
    if (hops === 0) for (const h of HOP_HEADERS) delete req.headers[h];
    // The end-to-end test clock (ADR 0015) is honoured only when this server was started for tests.
    if (!testClock) delete req.headers["x-loadwise-test-now"];
    guardDatabaseOutage(req, res);
    handle(req, res);
  });
  // Idle keep-alive sockets would hold close() open for their full timeout.
  server.keepAliveTimeout = 5_000;

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });

  let stopping = false;
  async function stop(signal) {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: finishing open requests, then stopping.`);
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    // A request that never ends must not keep the port forever.
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    await closed;
    try {
      await app.close?.();
    } catch {}
    const g = globalThis;
    if (g.__loadwiseDb) {
      try {
        await (await g.__loadwiseDb).close();
      } catch {}
    }
    log("Loadwise stopped.");
    process.exit(0);
  }
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => void stop(sig));
  return { server, stop, trustedHops: hops };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer();
}
