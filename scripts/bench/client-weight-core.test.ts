import { describe, expect, it } from "vitest";
import { routeChunks, routeOf, routeWeights, type BuildManifest, type ClientReferenceManifest } from "./client-weight-core";

// The shape Next 16 (Turbopack) writes: build-manifest.json and one page_client-reference-manifest
// per page, keyed by the page with its route groups.
const build: BuildManifest = { rootMainFiles: ["static/chunks/runtime.js", "static/chunks/react.js"] };
const manifests: Record<string, ClientReferenceManifest> = {
  "/p/[token]/page": {
    entryJSFiles: {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/error": ["static/chunks/layout.js", "static/chunks/error.js"],
      "[project]/app/p/[token]/page": ["static/chunks/layout.js", "static/chunks/checkin-form.js", "static/chunks/layout.css"],
    },
  },
  "/(clinic)/patients/[patientId]/assessments/[assessmentId]/step/[n]/page": {
    entryJSFiles: {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/(clinic)/layout": ["static/chunks/shell.js"],
      "[project]/app/(clinic)/patients/[patientId]/assessments/[assessmentId]/step/[n]/page": ["static/chunks/react.js", "static/chunks/step-form.js"],
    },
  },
};
const sizes: Record<string, number> = {
  "static/chunks/runtime.js": 1000,
  "static/chunks/react.js": 50_000,
  "static/chunks/layout.js": 2000,
  "static/chunks/error.js": 300,
  "static/chunks/checkin-form.js": 7000,
  "static/chunks/shell.js": 400,
  "static/chunks/step-form.js": 30_000,
};
const sizeOf = (f: string) => {
  const gzipBytes = sizes[f];
  if (gzipBytes === undefined) throw new Error(`asked the size of ${f}`);
  return { gzipBytes, rawBytes: gzipBytes * 3 };
};

describe("client weight per route", () => {
  it("names the route as its URL pattern, without route groups", () => {
    expect(routeOf("/(clinic)/patients/[patientId]/assessments/[assessmentId]/step/[n]/page")).toBe("/patients/[patientId]/assessments/[assessmentId]/step/[n]");
    expect(routeOf("/page")).toBe("/");
    expect(routeOf("/(admin)/admin/page")).toBe("/admin");
  });

  it("counts the root main files and every entry's chunks once, JavaScript only", () => {
    expect(routeChunks(build, manifests["/p/[token]/page"]!)).toEqual([
      "static/chunks/checkin-form.js",
      "static/chunks/error.js",
      "static/chunks/layout.js",
      "static/chunks/react.js",
      "static/chunks/runtime.js",
    ]);
  });

  it("adds up the gzip sizes per route, heaviest first", () => {
    expect(routeWeights(build, manifests, sizeOf)).toEqual([
      { route: "/patients/[patientId]/assessments/[assessmentId]/step/[n]", chunks: 5, gzipBytes: 1000 + 50_000 + 2000 + 400 + 30_000, rawBytes: 3 * 83_400 },
      { route: "/p/[token]", chunks: 5, gzipBytes: 1000 + 50_000 + 2000 + 300 + 7000, rawBytes: 3 * 60_300 },
    ]);
  });
});
