import { TransactionRollbackError } from "drizzle-orm";
import fc from "fast-check";
import { vi } from "vitest";
import type { Db, DbOrTx } from "@/db/client";
import { fingerprint, unexpectedChanges, type Allowance, type TableInfo } from "./db-fingerprint";

// Runs one fuzz case the way the app would, then undoes it: inside a transaction that is always
// rolled back (the services' own transactions become savepoints), so every case meets the same
// seeded world and an accepted case cannot change what the next one finds. The tables are
// fingerprinted before and after, inside the same transaction, so a case's writes are seen even
// though they are never committed. Anything written to console.error during a case (the action
// and route wrappers log every unexpected failure there) counts as an unexpected failure.

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261209);
/** Runs per action or route; FUZZ_RUNS scales the whole file (the default keeps it to minutes on 2 busy cores). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 25);

export type Outcome = { kind: "accepted" | "refused" | "unexpected"; detail: string };
export type CaseResult = { outcome: Outcome; changes: string[] };

type Stats = { cases: number; accepted: number; refused: number; mustRefuse: number; unexpected: number; writtenOnRefusal: number; ms: number };

export class FuzzHarness {
  readonly stats = new Map<string, Stats>();

  constructor(
    private readonly o: {
      db: () => Db;
      setDb: (tx: DbOrTx | null) => void;
      tables: readonly TableInfo[];
      /** Clinics whose rows are watched; null watches every row of every table (a private database). */
      clinicIds: readonly string[] | null;
    },
  ) {}

  private stat(key: string): Stats {
    let s = this.stats.get(key);
    if (!s) this.stats.set(key, (s = { cases: 0, accepted: 0, refused: 0, mustRefuse: 0, unexpected: 0, writtenOnRefusal: 0, ms: 0 }));
    return s;
  }

  /**
   * One case: `exec` runs against a transaction that is rolled back afterwards. `allowed` names
   * the tables a refused case may still change (an audited read, a counted attempt); with
   * `always`, what any case may change (a route handler that only reads). Lines logged to
   * console.error that `tolerate` matches are not failures (another library's own logging).
   */
  async run(key: string, allowed: Readonly<Record<string, Allowance>>, exec: () => Promise<Outcome>, mustRefuse: boolean, opts: { always?: boolean; tolerate?: RegExp } = {}): Promise<CaseResult> {
    const always = opts.always ?? false;
    let result: CaseResult | undefined;
    const { tables, clinicIds } = this.o;
    const started = performance.now();
    try {
      await this.o.db().transaction(async (tx) => {
        this.o.setDb(tx);
        const before = await fingerprint(tx, tables, clinicIds, allowed);
        const logged: string[] = [];
        const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
          logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" "));
        });
        let outcome: Outcome;
        try {
          outcome = await exec();
        } catch (err) {
          outcome = { kind: "unexpected", detail: `threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}` };
        } finally {
          spy.mockRestore();
        }
        const untolerated = logged.filter((l) => !opts.tolerate?.test(l));
        if (untolerated.length && outcome.kind !== "unexpected") outcome = { kind: "unexpected", detail: `${outcome.kind} (${outcome.detail}) but logged: ${untolerated.join(" | ")}` };
        let changes: string[];
        try {
          changes = outcome.kind === "refused" || always ? unexpectedChanges(before, await fingerprint(tx, tables, clinicIds, allowed), allowed) : [];
        } catch (err) {
          // A statement failed and was swallowed: the transaction is aborted, as a request's would be.
          changes = [];
          outcome = { kind: "unexpected", detail: `${outcome.detail}; the database transaction was left aborted (${err instanceof Error ? err.message : String(err)})` };
        }
        result = { outcome, changes };
        tx.rollback();
      });
    } catch (err) {
      if (!(err instanceof TransactionRollbackError)) throw err;
    } finally {
      this.o.setDb(null);
    }
    const r = result!;
    const s = this.stat(key);
    s.cases++;
    s.ms += performance.now() - started;
    s[r.outcome.kind]++;
    if (mustRefuse) s.mustRefuse++;
    if (r.changes.length) s.writtenOnRefusal++;
    return r;
  }

  /** The counts `npm test` shows: per surface, then the totals. */
  summary(title: string, surfaces: number): string {
    const rows = [...this.stats.entries()];
    const total = rows.reduce(
      (t, [, s]) => ({ cases: t.cases + s.cases, accepted: t.accepted + s.accepted, refused: t.refused + s.refused, mustRefuse: t.mustRefuse + s.mustRefuse, unexpected: t.unexpected + s.unexpected, writtenOnRefusal: t.writtenOnRefusal + s.writtenOnRefusal }),
      { cases: 0, accepted: 0, refused: 0, mustRefuse: 0, unexpected: 0, writtenOnRefusal: 0 },
    );
    const lines = rows.map(([k, s]) => `  ${k}: ${s.cases} cases (${s.accepted} accepted, ${s.refused} refused, ${s.mustRefuse} had to be refused), ${s.unexpected} unexpected, ${s.writtenOnRefusal} wrote on refusal, ${(s.ms / 1000).toFixed(1)} s`);
    return [
      `[fuzz] ${title}: seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs each (FUZZ_SEED / FUZZ_RUNS to change)`,
      ...lines,
      `[fuzz] ${title}: ${surfaces} surfaces, ${total.cases} cases run, ${total.accepted} accepted, ${total.refused} refused (${total.mustRefuse} had to be), ${total.unexpected} 5xx/unexpected throws, ${total.writtenOnRefusal} cases wrote rows on invalid input`,
    ].join("\n");
  }
}

/** A generated case that prints short in a counterexample (100k-character values are elided). */
export function printable<T extends object>(value: T, describe: (v: T) => string): T {
  return Object.assign(value, { [fc.toStringMethod]: () => describe(value) });
}

/** How a route handler answered: any 5xx is a failure, whatever its body says. */
export async function routeOutcome(run: () => Promise<Response>): Promise<Outcome> {
  const res = await run();
  const type = res.headers.get("content-type") ?? "";
  const detail = `${res.status} ${type.split(";")[0]}`;
  if (res.status >= 500) return { kind: "unexpected", detail: `${detail} ${(await res.text()).slice(0, 200)}` };
  await res.arrayBuffer(); // the body must be producible too (a PDF renders while it streams)
  return { kind: res.status < 400 ? "accepted" : "refused", detail };
}

/** How a server action ended: its returned state, Next's redirect / notFound / forbidden, or anything else. */
export function actionOutcome(run: () => Promise<unknown>): Promise<Outcome> {
  return run().then(
    (r): Outcome => {
      const state = r as { ok?: boolean; formError?: string; fieldErrors?: Record<string, unknown> } | null | undefined;
      if (state?.formError?.startsWith("Something went wrong")) return { kind: "unexpected", detail: `catch-all: ${state.formError}` };
      if (state?.ok === true) return { kind: "accepted", detail: "ok" };
      if (state?.ok === false) return { kind: "refused", detail: `${state.formError ?? ""} ${JSON.stringify(Object.keys(state.fieldErrors ?? {}))}`.trim() };
      return { kind: "unexpected", detail: `returned ${JSON.stringify(r)?.slice(0, 200)}` };
    },
    (err: unknown): Outcome => {
      const digest = (err as { digest?: unknown } | null)?.digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
        // Every fuzz case has a signed-in caller, so a redirect is the action's own success path.
        return { kind: "accepted", detail: `redirect ${digest.split(";")[2] ?? ""}` };
      }
      if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return { kind: "refused", detail: digest };
      return { kind: "unexpected", detail: `threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}` };
    },
  );
}
