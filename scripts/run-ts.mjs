// Runs a TypeScript script with the "react-server" condition, so modules marked
// `import "server-only"` load outside Next as they do inside it.
import { spawnSync } from "node:child_process";

const [script, ...args] = process.argv.slice(2);
const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { stdio: "inherit" });
process.exit(r.status ?? 1);
