import type { Questionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption } from "@medplum/fhirtypes";
import { z } from "zod";
import { assessmentInputSchema } from "@/lib/clinical";
import { CS, QUESTIONNAIRE_URL, QUESTIONNAIRE_VERSION } from "./codes";

// The assessment's questions as a FHIR Questionnaire, read from the contract's own zod schema so
// the two cannot drift: one top-level group per section of the input (patient, sport, complaint,
// symptoms, red flags, load, recovery, fatigue, capacity tests, and the PSFS and LEFS outcome
// measures), one item per field. linkIds are the field paths ("symptoms.painNowNrs").

/** The outcome measures frozen beside contract v1 (lib/assessments/build-input.ts). */
const outcomeSchema = z.object({
  psfs: z.object({ activities: z.array(z.object({ activity: z.string(), score: z.number().int() })), mean: z.number() }).optional(),
  lefs: z.object({ items: z.array(z.number().int()), total: z.number().int() }).optional(),
});

export type FieldNode =
  | { kind: "group"; repeats: boolean; required: boolean; fields: [string, FieldNode][] }
  | { kind: "leaf"; repeats: boolean; required: boolean; type: "boolean" | "integer" | "decimal" | "string" | "choice"; options?: string[] };

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; entries?: Record<string, string>; values?: unknown[] };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function describe(schema: z.ZodType, required = true, repeats = false): FieldNode {
  const d = defOf(schema);
  switch (d.type) {
    case "optional":
      return describe(d.innerType!, false, repeats);
    case "array":
      return describe(d.element!, required, true);
    case "object":
      return { kind: "group", repeats, required, fields: Object.entries(d.shape!).map(([k, v]) => [k, describe(v)]) };
    case "enum":
      return { kind: "leaf", repeats, required, type: "choice", options: Object.values(d.entries!) };
    case "number":
      return { kind: "leaf", repeats, required, type: (schema as z.ZodNumber).isInt ? "integer" : "decimal" };
    case "literal":
      return { kind: "leaf", repeats, required, type: typeof d.values![0] === "number" ? "integer" : "string" };
    case "boolean":
      return { kind: "leaf", repeats, required, type: "boolean" };
    case "string":
      return { kind: "leaf", repeats, required, type: "string" };
    default:
      throw new Error(`questionnaire: no FHIR item type for zod ${d.type}`);
  }
}

const contract = describe(assessmentInputSchema);
const outcomes = describe(outcomeSchema);
/** The whole answer tree the QuestionnaireResponse carries. */
export const ANSWER_TREE: FieldNode =
  contract.kind === "group" && outcomes.kind === "group"
    ? { kind: "group", repeats: false, required: true, fields: [...contract.fields, ...outcomes.fields] }
    : contract;

/** "painNowNrs" → "Pain now nrs": a readable label when no better text exists. */
export function labelOf(key: string) {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const answerSystem = (linkId: string) => `${CS.answer}/${linkId}`;

function toItem(key: string, node: FieldNode, prefix: string): QuestionnaireItem {
  const linkId = prefix ? `${prefix}.${key}` : key;
  const base: QuestionnaireItem = { linkId, text: labelOf(key), required: node.required, repeats: node.repeats, type: "group" };
  if (node.kind === "group") return { ...base, type: "group", item: node.fields.map(([k, n]) => toItem(k, n, linkId)) };
  if (node.type === "choice") {
    const answerOption: QuestionnaireItemAnswerOption[] = node.options!.map((o) => ({ valueCoding: { system: answerSystem(linkId), code: o, display: labelOf(o) } }));
    return { ...base, type: "choice", answerOption };
  }
  return { ...base, type: node.type };
}

/** The assessment Questionnaire (served at GET /api/v1/fhir/Questionnaire). */
export function assessmentQuestionnaire(): Questionnaire {
  if (ANSWER_TREE.kind !== "group") throw new Error("unreachable");
  return {
    resourceType: "Questionnaire",
    id: "loadwise-assessment",
    url: QUESTIONNAIRE_URL,
    version: QUESTIONNAIRE_VERSION,
    name: "LoadwiseAssessment",
    title: "Loadwise sports physiotherapy assessment",
    status: "active",
    subjectType: ["Patient"],
    item: ANSWER_TREE.fields.map(([k, n]) => toItem(k, n, "")),
  };
}
