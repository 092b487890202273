// Finds a Chromium for Playwright, or installs one, and says what it did. Order: CHROMIUM_PATH,
// Debian's /usr/bin/chromium, Playwright's own download; when none is there, Playwright's
// installer where the internet is reachable, else Debian's package where apt can run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

async function playwrightOwn() {
  try {
    const { chromium } = await import("playwright-core");
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

async function locate() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return { path: process.env.CHROMIUM_PATH, how: "CHROMIUM_PATH" };
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return { path: system, how: "system package" };
  const own = await playwrightOwn();
  if (own) return { path: own, how: "Playwright's browser" };
  return null;
}

function sh(cmd, args) {
  console.log(`[browser] $ ${cmd} ${args.join(" ")}`);
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
}

export async function findOrInstallChromium() {
  const found = await locate();
  if (found) {
    console.log(`[browser] using ${found.path} (${found.how})`);
    return found.path;
  }
  console.log("[browser] no Chromium found: installing one.");
  if (sh("npx", ["--no-install", "playwright", "install", "chromium"])) {
    const own = await playwrightOwn();
    if (own) return own;
  }
  console.log("[browser] Playwright's download is not reachable; trying Debian's chromium package.");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo", "-n"];
  const apt = (args) => (sudo.length ? sh(sudo[0], [...sudo.slice(1), "apt-get", ...args]) : sh("apt-get", args));
  // Wait for another apt run (unattended upgrades, a second checkout) instead of failing on its lock.
  const lock = ["-o", "DPkg::Lock::Timeout=600"];
  if (apt([...lock, "update", "-qq"]) && apt([...lock, "install", "-y", "-qq", "chromium"])) {
    const after = await locate();
    if (after) {
      console.log(`[browser] installed ${after.path}`);
      return after.path;
    }
  }
  throw new Error(
    "No Chromium could be found or installed. Set CHROMIUM_PATH to a Chromium binary, or install Debian's `chromium` package.",
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await findOrInstallChromium());
}
