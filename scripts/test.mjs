// `npm test`: every test. Unit and integration (Vitest, on PGlite unless TEST_DATABASE_URL is
// set), then a production build, the authorization matrix against it (every page, route handler
// and server action × every kind of caller, tests/authz/) and the end-to-end specs in Chromium
// (Playwright). The browser tests are never skipped: without a browser this finds or installs
// one, or fails loudly.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { findOrInstallChromium } from "./find-browser.mjs";

const root = path.resolve(import.meta.dirname, "..");
const e2eOnly = process.argv.includes("--e2e-only");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function step(title, cmd, args, env = process.env) {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env });
  if (r.status !== 0) {
    console.error(`\n${title} failed.`);
    process.exit(r.status ?? 1);
  }
}

if (!e2eOnly) step("Unit and integration tests (Vitest)", bin("vitest"), ["run"]);

const chromium = await findOrInstallChromium();
step("Production build for the end-to-end tests", bin("next"), ["build"]);
if (!e2eOnly) step("Authorization matrix (production server, every entry × every actor)", process.execPath, ["--import", "tsx", "tests/authz/run-matrix.ts"]);
step("End-to-end tests (Playwright, Chromium)", bin("playwright"), ["test"], { ...process.env, PW_CHROMIUM_PATH: chromium });
console.log("\nAll tests passed.");
