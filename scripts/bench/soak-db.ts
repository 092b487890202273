// The soak's own database work (scripts/bench/soak.ts), run with the react-server condition
// (scripts/run-ts.mjs) as the app's own modules expect, on the database named by DATABASE_URL
// (the server has migrated it). Prints JSON.
//   soak-db.ts seed N PASSWORD   a new clinic with N clinicians who sign in with PASSWORD
//   soak-db.ts verify CLINIC_ID  that clinic's audit hash chain (other clinics are not the soak's)
import { randomUUID } from "node:crypto";
import { openDatabase } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { hashPassword } from "@/lib/auth/password";

const [command, ...args] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const handle = await openDatabase({ url, migrate: false });
try {
  if (command === "seed") {
    const n = Number(args[0]);
    const password = args[1] ?? "";
    if (!(n >= 1) || password.length < 12) throw new Error("usage: soak-db.ts seed N PASSWORD (12+ characters)");
    const tag = randomUUID().slice(0, 8);
    const [clinic] = await handle.db.insert(clinics).values({ name: `Soak clinic ${tag}` }).returning();
    const passwordHash = await hashPassword(password);
    const rows = await handle.db
      .insert(users)
      .values(Array.from({ length: n }, (_, i) => ({ clinicId: clinic!.id, email: `soak-${tag}-${i}@bench.loadwise.test`, name: `Soak Clinician ${i + 1}`, role: "clinician" as const, passwordHash })))
      .returning({ email: users.email });
    process.stdout.write(`${JSON.stringify({ clinicId: clinic!.id, emails: rows.map((r) => r.email) })}\n`);
  } else if (command === "verify" && args[0]) {
    const r = await verifyAuditChain(handle.db, { clinicId: args[0] });
    process.stdout.write(`${JSON.stringify({ ok: r.ok, checked: r.checked, problems: r.problems.slice(0, 5) })}\n`);
  } else {
    throw new Error("usage: soak-db.ts seed N PASSWORD | verify CLINIC_ID");
  }
} finally {
  await handle.close();
}
