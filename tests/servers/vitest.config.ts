import path from "node:path";
import { defineConfig } from "vitest/config";

// The several-servers test: production servers on a real PostgreSQL (optionally behind PgBouncer),
// so not part of `npm test`, which needs Node only. Run by .ci/run:
//   SERVERS_DATABASE_URL=postgres://… npx vitest run --config tests/servers/vitest.config.ts
const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: {
    include: ["tests/servers/**/*.test.ts"],
    environment: "node",
    // A build (when stale) and two server starts on shared cores: limits for hangs only.
    testTimeout: 180_000,
    hookTimeout: 480_000,
    fileParallelism: false,
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": path.join(root, "tests/support/server-only-stub.ts") },
  },
});
