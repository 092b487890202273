import type { QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from "@medplum/fhirtypes";
import type { Ref } from "./codes";
import { ANSWER_TREE, answerSystem, labelOf, type FieldNode } from "./questionnaires";
import { QUESTIONNAIRE_URL, QUESTIONNAIRE_VERSION } from "./codes";

// The frozen assessment input as a QuestionnaireResponse against the assessment Questionnaire,
// and back. Only fields the Questionnaire defines travel (the clinic's engine thresholds, kept
// beside the input, are configuration and not an answer). FHIR has no empty answer: an empty
// string or an empty list is the same as not answered, and is left out.

type Json = Record<string, unknown>;

function answerOf(leaf: Extract<FieldNode, { kind: "leaf" }>, linkId: string, v: unknown): QuestionnaireResponseItemAnswer | null {
  switch (leaf.type) {
    case "boolean":
      return typeof v === "boolean" ? { valueBoolean: v } : null;
    case "integer":
      return typeof v === "number" && Number.isInteger(v) ? { valueInteger: v } : null;
    case "decimal":
      return typeof v === "number" && Number.isFinite(v) ? { valueDecimal: v } : null;
    case "string":
      return typeof v === "string" && v.trim() !== "" ? { valueString: v } : null;
    case "choice":
      return typeof v === "string" && v !== "" ? { valueCoding: { system: answerSystem(linkId), code: v, display: labelOf(v) } } : null;
  }
}

function itemsOf(group: Extract<FieldNode, { kind: "group" }>, value: Json, prefix: string): QuestionnaireResponseItem[] {
  const out: QuestionnaireResponseItem[] = [];
  for (const [key, node] of group.fields) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    const linkId = prefix ? `${prefix}.${key}` : key;
    const values = node.repeats ? (Array.isArray(v) ? v : []) : [v];
    if (node.kind === "leaf") {
      const answer = values.map((x) => answerOf(node, linkId, x)).filter((a): a is QuestionnaireResponseItemAnswer => a !== null);
      if (answer.length) out.push({ linkId, text: labelOf(key), answer });
    } else {
      for (const x of values) {
        if (typeof x !== "object" || x === null) continue;
        const item = itemsOf(node, x as Json, linkId);
        if (item.length) out.push({ linkId, text: labelOf(key), item });
      }
    }
  }
  return out;
}

export function toQuestionnaireResponse(args: {
  id: string;
  input: Json;
  subject: Ref;
  author?: Ref;
  authored: string;
  amended: boolean;
}): QuestionnaireResponse {
  if (ANSWER_TREE.kind !== "group") throw new Error("unreachable");
  return {
    resourceType: "QuestionnaireResponse",
    id: args.id,
    questionnaire: `${QUESTIONNAIRE_URL}|${QUESTIONNAIRE_VERSION}`,
    status: args.amended ? "amended" : "completed",
    subject: args.subject,
    authored: args.authored,
    ...(args.author ? { author: args.author } : {}),
    item: itemsOf(ANSWER_TREE, args.input, ""),
  };
}

function valueOf(a: QuestionnaireResponseItemAnswer): unknown {
  if (a.valueBoolean !== undefined) return a.valueBoolean;
  if (a.valueInteger !== undefined) return a.valueInteger;
  if (a.valueDecimal !== undefined) return a.valueDecimal;
  if (a.valueString !== undefined) return a.valueString;
  if (a.valueCoding !== undefined) return a.valueCoding.code;
  return undefined;
}

function readGroup(group: Extract<FieldNode, { kind: "group" }>, items: readonly QuestionnaireResponseItem[], prefix: string): Json {
  const out: Json = {};
  for (const [key, node] of group.fields) {
    const linkId = prefix ? `${prefix}.${key}` : key;
    const matched = items.filter((i) => i.linkId === linkId);
    if (!matched.length) continue;
    if (node.kind === "leaf") {
      const values = matched.flatMap((i) => i.answer ?? []).map(valueOf).filter((v) => v !== undefined);
      if (values.length) out[key] = node.repeats ? values : values[0];
    } else {
      const objects = matched.map((i) => readGroup(node, i.item ?? [], linkId));
      out[key] = node.repeats ? objects : objects[0];
    }
  }
  return out;
}

/** The inverse: the answers read back as the stored input's shape. */
export function fromQuestionnaireResponse(qr: QuestionnaireResponse): Json {
  if (ANSWER_TREE.kind !== "group") throw new Error("unreachable");
  return readGroup(ANSWER_TREE, qr.item ?? [], "");
}

/** What of `input` a QuestionnaireResponse carries: the defined fields, without empty answers. */
export function answerableInput(input: Json): Json {
  if (ANSWER_TREE.kind !== "group") throw new Error("unreachable");
  const prune = (group: Extract<FieldNode, { kind: "group" }>, v: Json, prefix: string): Json => {
    const out: Json = {};
    for (const [key, node] of group.fields) {
      const x = v[key];
      if (x === undefined || x === null) continue;
      const linkId = prefix ? `${prefix}.${key}` : key;
      const values = node.repeats ? (Array.isArray(x) ? x : []) : [x];
      if (node.kind === "leaf") {
        const kept = values.filter((y) => answerOf(node, linkId, y) !== null);
        if (kept.length) out[key] = node.repeats ? kept : kept[0];
      } else {
        const kept = values.filter((y): y is Json => typeof y === "object" && y !== null).map((y) => prune(node, y, linkId)).filter((o) => Object.keys(o).length);
        if (kept.length) out[key] = node.repeats ? kept : kept[0];
      }
    }
    return out;
  };
  return prune(ANSWER_TREE, input, "");
}
