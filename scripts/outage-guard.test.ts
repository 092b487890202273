import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { guardDatabaseOutage } from "./outage-guard.mjs";

// The app server's outage guard on a real HTTP server: a 5xx goes out as a plain 503 only when
// the database probe says it cannot be reached; anything else passes through untouched.
const g = globalThis as { __loadwiseDbProbe?: () => Promise<boolean> };
let server: http.Server | undefined;
afterEach(async () => {
  delete g.__loadwiseDbProbe;
  await new Promise((r) => (server ? server.close(r) : r(null)));
});

async function serve(handler: (res: http.ServerResponse) => void) {
  server = http.createServer((req, res) => {
    guardDatabaseOutage(req, res);
    handler(res);
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const failing = (res: http.ServerResponse) => {
  res.statusCode = 500;
  res.setHeader("content-type", "text/html");
  res.setHeader("x-from-app", "1");
  res.write("<p>app error page");
  res.end("</p>");
};

describe("outage guard", () => {
  it("turns a 500 into a plain 503 page with Retry-After when the database is unreachable", async () => {
    g.__loadwiseDbProbe = async () => false;
    const res = await fetch(`${await serve(failing)}/patients`);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("x-from-app")).toBeNull();
    expect(await res.text()).toContain("can't reach its database");
  });

  it("answers JSON under /api/", async () => {
    g.__loadwiseDbProbe = async () => false;
    const res = await fetch(`${await serve((r) => r.writeHead(500, { "content-type": "application/json" }).end("{}"))}/api/v1/x`);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("unavailable:database");
  });

  it("leaves a 500 alone when the database answers, and never touches a success", async () => {
    g.__loadwiseDbProbe = async () => true;
    const base = await serve(failing);
    const res = await fetch(`${base}/patients`);
    expect(res.status).toBe(500);
    expect(res.headers.get("x-from-app")).toBe("1");
    expect(await res.text()).toBe("<p>app error page</p>");
    await new Promise((r) => server!.close(r));
    g.__loadwiseDbProbe = async () => false;
    const okBase = await serve((r) => {
      r.writeHead(200, { "content-type": "text/plain" });
      r.write("fine");
      r.end();
    });
    const ok = await fetch(`${okBase}/`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("fine");
  });
});
