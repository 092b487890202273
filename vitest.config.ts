import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/authz/**/*.test.ts", "tests/faults/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    // PGlite start-up plus migrations costs seconds on an idle machine and can take minutes on 2
    // cores shared with a build: the limits are for hangs, never for a busy machine.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses: let Vite resolve it.
    server: { deps: { inline: ["server-only", "next-auth"] } },
    alias: { "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts") },
  },
});
