import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/db/unavailable";
import type { UserRole } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import type { Actor } from "./actor";
import type { ActionState } from "./action-state";
import { echoableValues, formDataToObject, NUL_MESSAGE, nulFieldErrors } from "./form-data";
import { getActor } from "./require-user";

type Ctx = { actor: Actor; db: Db };

/**
 * The one shape of every server action (conventions §3): session → role → parse with the
 * form's own zod schema → service. The clinic check lives in the services, which take the
 * actor's clinic for every query. Nothing is written when validation fails.
 */
export function authedAction<S extends z.ZodType>(
  schema: S,
  opts: { roles: readonly UserRole[] },
  fn: (input: z.output<S>, ctx: Ctx) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const raw = formDataToObject(formData);
    const values = echoableValues(raw);
    let actor: Actor | null;
    try {
      actor = await getActor();
    } catch (err) {
      // Even the session check needs the database: keep what they typed and say why.
      if (isDatabaseUnavailable(err)) return { ok: false, formError: DATABASE_UNAVAILABLE_MESSAGE, values };
      throw err;
    }
    if (!actor) redirect("/login");
    if (!opts.roles.includes(actor.role)) {
      return { ok: false, formError: "Your role does not allow this action.", values };
    }
    const parsed = schema.safeParse(raw);
    const nul = nulFieldErrors(raw, NUL_MESSAGE);
    if (!parsed.success || nul) {
      const flat = parsed.success ? { fieldErrors: {}, formErrors: [] } : z.flattenError(parsed.error as z.ZodError<Record<string, unknown>>);
      return {
        ok: false,
        fieldErrors: { ...(flat.fieldErrors as Record<string, string[]>), ...nul },
        formError: flat.formErrors[0] ?? "Some answers need attention. Each is marked below.",
        values,
      };
    }
    try {
      const result = await fn(parsed.data, { actor, db: await getDb() });
      return result ?? { ok: true };
    } catch (err) {
      unstable_rethrow(err); // redirect() and notFound() are control flow, not failures
      if (isAppError(err)) return { ok: false, formError: err.message, fieldErrors: err.fieldErrors, values };
      // A transaction that lost its connection rolled back: nothing half-written, nothing lost.
      if (isDatabaseUnavailable(err)) return { ok: false, formError: DATABASE_UNAVAILABLE_MESSAGE, values };
      console.error("[action] unexpected failure", err instanceof Error ? err.name : typeof err);
      return { ok: false, formError: "Something went wrong and nothing was saved. Please try again.", values };
    }
  };
}
