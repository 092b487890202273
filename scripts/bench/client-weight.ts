// `npm run bench -- weight`: the JavaScript each route ships, gzip, from the production build
// (.next/, built first when missing). The assessment step page and the patient's link page are
// gates: over 150 KB gz each and `npm run bench` exits non-zero, saying which and by how much.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { routeWeights, type BuildManifest, type ClientReferenceManifest } from "./client-weight-core";
import { benchRecord, type BenchRecord } from "./report";

const root = path.resolve(import.meta.dirname, "../..");
/** KB as the issue counts it: 1,000 bytes. */
const KB = 1000;
export const GATED: Record<string, number> = {
  "/patients/[patientId]/assessments/[assessmentId]/step/[n]": 150,
  "/p/[token]": 150,
};

function readClientManifest(file: string): Record<string, ClientReferenceManifest> {
  // The file is a script assigning globalThis.__RSC_MANIFEST[key] = {...}: run it on a stand-in.
  const sandbox: { __RSC_MANIFEST: Record<string, ClientReferenceManifest> } = { __RSC_MANIFEST: {} };
  new Function("globalThis", readFileSync(file, "utf8"))(sandbox);
  return sandbox.__RSC_MANIFEST;
}

export async function benchClientWeight(): Promise<BenchRecord[]> {
  const next = path.join(root, ".next");
  if (!existsSync(path.join(next, "BUILD_ID"))) {
    const b = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
    if (b.status !== 0) throw new Error("next build failed");
  }
  const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as BuildManifest;
  const manifests: Record<string, ClientReferenceManifest> = {};
  for (const f of readdirSync(path.join(next, "server/app"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("page_client-reference-manifest.js"))) {
    for (const [key, m] of Object.entries(readClientManifest(path.join(next, "server/app", f)))) {
      if (!key.startsWith("/_")) manifests[key] = m;
    }
  }
  const cache = new Map<string, { gzipBytes: number; rawBytes: number }>();
  const sizeOf = (file: string) => {
    let s = cache.get(file);
    if (!s) {
      const bytes = readFileSync(path.join(next, file));
      s = { rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
      cache.set(file, s);
    }
    return s;
  };
  const weights = routeWeights(build, manifests, sizeOf);
  for (const route of Object.keys(GATED)) {
    if (!weights.some((w) => w.route === route)) throw new Error(`client weight: no route ${route} in the build (renamed? update GATED)`);
  }
  const kb = (n: number) => Math.round((n / KB) * 10) / 10;
  return weights.map((w) =>
    benchRecord({
      bench: "weight",
      figure: `JavaScript shipped by ${w.route} (gzip, ${w.chunks} chunks, ${kb(w.rawBytes)} KB raw)`,
      value: kb(w.gzipBytes),
      unit: "KB",
      ...(GATED[w.route] !== undefined ? { aim: { on: "value" as const, max: GATED[w.route] }, gate: true as const } : {}),
    }),
  );
}
