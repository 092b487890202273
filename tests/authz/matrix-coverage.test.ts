import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listInlineServerActions, listPages, listRouteHandlers, listServerActions, routeOf } from "../support/app-surface";
import { matrixCoverage, surfaceKeys } from "./coverage";
import { ACTORS, entryKey, MATRIX } from "./matrix";
import { actionResult, classifyAction, flightRows, httpOutcome, ROLE_REFUSAL } from "./outcome";

// The fast half of the authorization matrix: the matrix must name every page, route handler
// method and server action the code has, with an outcome for every actor. (The slow half,
// tests/authz/run-matrix.ts, drives each cell against the production server after the build.)

describe("the authorization matrix covers the app", () => {
  it("declares every page, route handler method and server action, and nothing the app no longer has", () => {
    const { missing, stale } = matrixCoverage(MATRIX, surfaceKeys());
    expect(missing, "add an entry to tests/authz/matrix.ts for each (README, Tests)").toEqual([]);
    expect(stale, "remove entries the app no longer has").toEqual([]);
  });

  it("declares each entry once, with an outcome for every actor", () => {
    const keys = MATRIX.map(entryKey);
    expect(keys.length).toBe(new Set(keys).size);
    const http = ["200", "→login", "→app", "401", "403", "404", "429"];
    const action = ["ok", "→login", "forbidden", "not found", "gone", "refused", "invalid"];
    for (const e of MATRIX) {
      expect(Object.keys(e.expect).sort(), entryKey(e)).toEqual(ACTORS.map((a) => a.key).sort());
      for (const o of Object.values(e.expect)) expect(e.kind === "action" ? action : http, `${entryKey(e)}: ${o}`).toContain(o);
    }
  });

  it("finds no inline server action (\"use server\" inside a function), which it could not name", () => {
    expect(listInlineServerActions()).toEqual([]);
  });

  it("lists the app's own surface (a sample: the review decisions and the patient's link)", () => {
    expect(listServerActions().filter((a) => a.file === "app/(clinic)/reviews/actions.ts").map((a) => a.exportName)).toEqual([
      "acknowledgeReviewAction",
      "approveReviewAction",
      "dismissReviewAction",
      "editReviewAction",
    ]);
    expect(listPages().map((p) => p.route)).toContain("/p/[token]");
    expect(listRouteHandlers().filter((r) => r.route === "/patients/[patientId]/plans/[planId]/pdf").map((r) => r.method)).toEqual(["GET", "POST"]);
  });
});

describe("the enumeration reads new code", () => {
  const root = mkdtempSync(path.join(tmpdir(), "matrix-surface-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write("app/(clinic)/things/[thingId]/page.tsx", "export default function Page() { return null; }\n");
  write("app/_parts/page.tsx", "export default function NotRoutable() { return null; }\n");
  write("app/api/things/route.ts", "export async function GET() { return new Response(); }\nexport const POST = GET;\nexport const runtime = 'nodejs';\n");
  write(
    "app/(clinic)/things/actions.ts",
    '"use server";\nimport { x } from "y";\nexport const saveThing = x(async () => {});\nexport async function dropThing() {}\nconst hidden = async () => {};\nexport { hidden as renamedThing };\nexport type NotAnAction = string;\n',
  );
  write("lib/things/helper.ts", "export async function notAnAction() {}\n");
  write("components/thing-form.tsx", 'export function Form() { async function act() { "use server"; } return act; }\n');

  it("finds a new page, route handler and action, by route, method and export name", () => {
    expect(listPages(root)).toEqual([{ file: "app/(clinic)/things/[thingId]/page.tsx", route: "/things/[thingId]" }]);
    expect(listRouteHandlers(root).map((r) => `${r.method} ${r.route}`)).toEqual(["GET /api/things", "POST /api/things"]);
    expect(listServerActions(root).map((a) => a.exportName)).toEqual(["dropThing", "renamedThing", "saveThing"]);
    expect(listInlineServerActions(root)).toEqual([{ file: "components/thing-form.tsx", line: 1 }]);
  });

  it("so the matrix reports each as missing", () => {
    const { missing } = matrixCoverage(MATRIX, surfaceKeys(root));
    expect(missing).toEqual(expect.arrayContaining(["page /things/[thingId]", "GET /api/things", "app/(clinic)/things/actions.ts#saveThing"]));
  });

  it("maps files to routes as Next does: groups and slots leave no segment, private folders none at all", () => {
    expect(routeOf("app/page.tsx")).toBe("/");
    expect(routeOf("app/(admin)/admin/@panel/users/page.tsx")).toBe("/admin/users");
    expect(routeOf("app/_lib/page.tsx")).toBeNull();
  });
});

describe("reading what came back", () => {
  const rsc = (rows: string) => Buffer.from(rows, "utf8");

  it("finds an action's result through the root row, past a text row with a newline in it", () => {
    const body = rsc(`2:T7,a\nb ✓0:{"a":"$@1","b":"x"}\n1:{"ok":false,"formError":"Review not found"}\n`);
    expect(flightRows(body).get("2")).toBe("a\nb ✓");
    expect(actionResult(body)).toEqual({ ok: false, formError: "Review not found" });
  });

  it("names each answer", () => {
    const h = (o: Record<string, string> = {}) => new Headers(o);
    const result = (r: unknown) => rsc(`0:{"a":"$@1"}\n1:${JSON.stringify(r)}\n`);
    expect(classifyAction(200, h({ "x-action-redirect": "/login;replace" }), rsc("")).outcome).toBe("→login");
    expect(classifyAction(303, h({ "x-action-redirect": "/patients/1?created=1;push" }), rsc("")).outcome).toBe("ok");
    expect(classifyAction(307, h({ location: "/login?next=%2Freviews" }), rsc("")).outcome).toBe("→login");
    expect(classifyAction(200, h(), result({ ok: true, message: "Saved" })).outcome).toBe("ok");
    expect(classifyAction(200, h(), result({ ok: false, formError: ROLE_REFUSAL })).outcome).toBe("forbidden");
    expect(classifyAction(200, h(), result({ ok: false, formError: "Plan not found" })).outcome).toBe("not found");
    expect(classifyAction(200, h(), result({ ok: false, formError: "This link no longer works, so nothing was saved." })).outcome).toBe("gone");
    expect(classifyAction(200, h(), result({ ok: false, formError: "Some answers need attention.", fieldErrors: { email: ["x"] } })).outcome).toBe("invalid");
    expect(classifyAction(200, h(), result({ ok: false, formError: "Someone else saved this patient while you were editing." })).outcome).toBe("refused");
    expect(classifyAction(500, h(), rsc("")).outcome).toBe("5xx");
    expect(httpOutcome(307, "/login?next=%2F")).toBe("→login");
    expect(httpOutcome(302, "http://127.0.0.1:3000/patients")).toBe("→app");
    expect(httpOutcome(404, null)).toBe("404");
  });
});
