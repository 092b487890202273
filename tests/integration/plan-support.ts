import type { Db } from "@/db/client";
import { assessments, patients } from "@/db/schema";
import { evaluate, type AssessmentInput } from "@/lib/clinical";
import vignettes from "@/lib/clinical/fixtures/vignettes.json";
import { samplePlanInput } from "@/lib/pdf/sample";
import { actorFor, makeClinic, makeUser } from "../support/test-db";

/** A clinic, a clinician, a patient and a final assessment made from a vignette (inserted as final). */
export async function seedFinalAssessment(
  db: Db,
  vignette = "runner-knee-weak-calves",
  opts: { referral?: boolean; input?: AssessmentInput; into?: { clinic: Awaited<ReturnType<typeof makeClinic>>; user: Awaited<ReturnType<typeof makeUser>> } } = {},
) {
  const clinic = opts.into?.clinic ?? (await makeClinic(db));
  const user = opts.into?.user ?? (await makeUser(db, clinic.id));
  const actor = actorFor(user);
  const [patient] = await db
    .insert(patients)
    .values({ clinicId: clinic.id, clinicianId: user.id, firstName: "Pat", lastName: `Plan-${Math.random().toString(36).slice(2, 7)}`, dateOfBirth: "1990-01-01", sex: "female", sport: "running" })
    .returning();
  const input = opts.input
    ? structuredClone(opts.input)
    : vignette === "runner-knee-weak-calves"
      ? samplePlanInput()
      : (structuredClone(vignettes.find((v) => v.id === vignette)!.input) as unknown as AssessmentInput);
  const evaluation = evaluate(input);
  const now = new Date();
  const [a] = await db
    .insert(assessments)
    .values({
      clinicId: clinic.id,
      patientId: patient!.id,
      kind: "initial",
      status: "final",
      input: { ...input, contractVersion: 1 } as never,
      evaluation,
      rulesetVersion: evaluation.rulesetVersion,
      finalizedAt: now,
      finalizedBy: user.id,
      currentStep: 7,
      createdBy: user.id,
      ...(opts.referral ? { referralTo: "GP", referralDate: "2026-01-01" } : {}),
    })
    .returning();
  return { clinic, user, actor, patientId: patient!.id, assessmentId: a!.id, evaluation };
}

export const form = (o: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(o)) fd.append(k, v);
  return fd;
};

/** The editor's form values flattened to the names the browser posts. */
export function flatten(values: Record<string, unknown>, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) v.forEach((x, i) => Object.assign(out, typeof x === "object" && x !== null ? flatten(x as Record<string, unknown>, `${key}.${i}`) : { [`${key}.${i}`]: String(x) }));
    else if (typeof v === "boolean") {
      if (v) out[key] = "on";
    } else if (v && typeof v === "object") Object.assign(out, flatten(v as Record<string, unknown>, key));
    else out[key] = String(v ?? "");
  }
  return out;
}

export const redirectTarget = async (p: Promise<unknown>) => {
  const err = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as { digest?: string } | null;
  return err?.digest?.split(";")[2] ?? null;
};
