// Client weight per route (issue 16), from the build's own manifests, as pure functions: the
// bench (client-weight.ts) reads .next/ and gzips the chunks; these decide which chunks a route
// ships and add them up, so they can be tested on a fixture manifest.
//
// What a route ships: the root main files every page loads (build-manifest.json `rootMainFiles`:
// the React and Next runtime) plus every chunk its client-reference manifest lists under
// `entryJSFiles` (the root layout, the layouts on its path, its error and not-found boundaries and
// the page itself). Each chunk counts once. The polyfill files are left out: they load only in
// browsers without ES modules (`nomodule`), which the app does not support.

export type BuildManifest = { rootMainFiles: string[] };
/** The part of `page_client-reference-manifest.js` we read: chunks per entry (layout, page, boundary). */
export type ClientReferenceManifest = { entryJSFiles: Record<string, string[]> };

/** "/(clinic)/patients/[patientId]/page" → "/patients/[patientId]"; "/page" → "/". */
export function routeOf(manifestKey: string): string {
  const parts = manifestKey
    .split("/")
    .filter((p) => p && !(p.startsWith("(") && p.endsWith(")")));
  if (parts.at(-1) === "page") parts.pop();
  return `/${parts.join("/")}`;
}

export function routeChunks(build: BuildManifest, manifest: ClientReferenceManifest): string[] {
  const files = new Set(build.rootMainFiles);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const c of chunks) files.add(c);
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

export type RouteWeight = { route: string; chunks: number; gzipBytes: number; rawBytes: number };

/**
 * Weight of each route: sizes come from the caller (gzip of each chunk file, computed once per
 * file). Routes sorted heaviest first.
 */
export function routeWeights(
  build: BuildManifest,
  manifests: Record<string, ClientReferenceManifest>,
  sizeOf: (file: string) => { gzipBytes: number; rawBytes: number },
): RouteWeight[] {
  return Object.entries(manifests)
    .map(([key, m]) => {
      const chunks = routeChunks(build, m);
      const sizes = chunks.map(sizeOf);
      return {
        route: routeOf(key),
        chunks: chunks.length,
        gzipBytes: sizes.reduce((s, x) => s + x.gzipBytes, 0),
        rawBytes: sizes.reduce((s, x) => s + x.rawBytes, 0),
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}
