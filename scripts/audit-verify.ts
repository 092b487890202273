// `npm run audit:verify`: checks the audit trail's hash chain in the configured database.
// Exit 0 when intact, 1 when any row was altered or removed.
import { openDatabase } from "@/db/client";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { env } from "@/lib/env";

const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.pgliteDir, migrate: false });
try {
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    console.log(`Audit trail intact: ${result.checked} events checked.`);
  } else {
    console.error(`Audit trail BROKEN: ${result.problems.length} problem(s) in ${result.checked} events.`);
    for (const p of result.problems.slice(0, 50)) console.error(`  clinic ${p.clinicId} event #${p.chainSeq} (id ${p.id}): ${p.problem}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
