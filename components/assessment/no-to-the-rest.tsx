"use client";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { StepFormApi } from "./use-step-form";

/**
 * "No to the rest" for a block of symptom questions: answers every still-unanswered question of
 * the block with No, after one confirmation that says how many. Never offered for the red-flag
 * screen, where each question is asked on purpose. Without JavaScript it is not shown, and each
 * question is answered on its own.
 */
export function NoToTheRest({ api, names }: { api: StepFormApi; names: readonly string[] }) {
  const values = useWatch({ control: api.form.control, name: names as string[] }) as unknown[];
  const unanswered = names.filter((_, i) => values[i] === undefined || values[i] === null || values[i] === "");
  const [confirming, setConfirming] = useState(false);
  if (unanswered.length === 0) return null;
  const apply = () => {
    for (const n of unanswered) api.form.setValue(n, "no", { shouldDirty: true });
    setConfirming(false);
  };
  return (
    <div className="flex flex-wrap items-center gap-2 px-3 pt-2 text-sm">
      {confirming ? (
        <>
          <span role="status">
            Mark the {unanswered.length} unanswered question{unanswered.length === 1 ? "" : "s"} above as No?
          </span>
          <Button type="button" size="sm" onClick={apply}>
            Yes, mark them No
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <Button type="button" size="sm" variant="outline" onClick={() => setConfirming(true)}>
          No to the rest…
        </Button>
      )}
    </div>
  );
}
