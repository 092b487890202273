import type { Verdict } from "@/lib/clinical";

/** Verdicts in the words a clinician reads on screen. */
export const verdictLabels: Record<Verdict, string> = {
  push: "Push",
  modify: "Modify",
  back_off: "Back off",
  refer: "Refer",
  urgent_referral: "Urgent referral",
};

export const verdictTone: Record<Verdict, string> = {
  push: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  modify: "bg-sky-50 text-sky-800 ring-sky-200",
  back_off: "bg-amber-50 text-amber-900 ring-amber-200",
  refer: "bg-orange-50 text-orange-900 ring-orange-200",
  urgent_referral: "bg-red-50 text-red-800 ring-red-200",
};
