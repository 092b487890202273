// Run through scripts/run-ts.mjs (server modules): times authenticate() for a known email with a
// wrong password and for unknown emails, on an in-memory PGlite, and prints one JSON line.
import { openDatabase } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";

const SAMPLES = Number(process.env.BENCH_SIGNIN_SAMPLES ?? 15);
const handle = await openDatabase({});
const [clinic] = await handle.db.insert(clinics).values({ name: "Timing" }).returning();
const email = "known@timing.test";
await handle.db.insert(users).values({ clinicId: clinic!.id, email, name: "Known", role: "clinician", passwordHash: await hashPassword("the-right-password") });
const policy = { idleMinutes: 15, maxHours: 12 };
let n = 0;
// Each attempt from its own address, so neither the account lockout (reset by the right
// password below) nor the address limit changes the path being timed.
const time = async (e: string) => {
  const t = performance.now();
  await authenticate(handle.db, { email: e, password: "wrong-password" }, policy, { ip: `10.1.${Math.floor(++n / 250)}.${n % 250}`, userAgent: "bench" });
  return performance.now() - t;
};
const reset = () => authenticate(handle.db, { email, password: "the-right-password" }, policy, { ip: "10.2.0.1", userAgent: "bench" });
await time(email);
await time("warm@nowhere.test");
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  known.push(await time(email));
  unknown.push(await time(`ghost${i}@nowhere.test`));
  if (i % 3 === 2) await reset();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
await handle.close();
process.stdout.write(JSON.stringify({ knownMs: median(known), unknownMs: median(unknown), samples: SAMPLES }) + "\n");
