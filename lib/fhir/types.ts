import type { Assessment, CheckInReviewRow, CheckInRow, Patient, PlanRow, PlanVersion } from "@/db/schema";
import type { Evaluation } from "@/lib/clinical";

/** Everything one export reads, loaded with the caller's clinic (lib/fhir/load-export.ts). */
export type ExportAssessment = {
  row: Assessment;
  /** The effective snapshot: the latest amendment applied. */
  input: Record<string, unknown>;
  evaluation: Evaluation;
  rulesetVersion: string;
  amendedAt: Date | null;
  /** The referral on record for a refer-tier verdict (at finalize or recorded afterwards). */
  referral: { to: string; date: string } | null;
  plan: { row: PlanRow; published: PlanVersion; currentStageKey: string | null } | null;
};

export type ExportData = {
  patient: Patient;
  clinic: { id: string; name: string };
  users: Record<string, { id: string; name: string }>;
  assessments: ExportAssessment[];
  checkIns: CheckInRow[];
  reviews: CheckInReviewRow[];
};
