import type { ServiceRequest } from "@medplum/fhirtypes";
import type { Ref } from "./codes";
import type { Verdict } from "@/lib/clinical";
import { CS } from "./codes";

/** A refer or urgent-referral verdict with its recorded referral (to whom, by when). */
export function toServiceRequest(args: {
  id: string;
  verdict: Extract<Verdict, "refer" | "urgent_referral">;
  referral: { to: string; date: string };
  subject: Ref;
  requester?: Ref;
  reason: Ref;
  authoredOn: string;
}): ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    id: args.id,
    status: "active",
    intent: "order",
    priority: args.verdict === "urgent_referral" ? "urgent" : "routine",
    code: {
      coding: [{ system: CS.serviceRequest, code: args.verdict === "urgent_referral" ? "urgent-medical-referral" : "medical-referral" }],
      text: args.verdict === "urgent_referral" ? "Urgent medical referral" : "Medical referral",
    },
    subject: args.subject,
    occurrenceDateTime: args.referral.date,
    authoredOn: args.authoredOn,
    ...(args.requester ? { requester: args.requester } : {}),
    performerType: { text: args.referral.to },
    reasonReference: [args.reason],
  };
}
