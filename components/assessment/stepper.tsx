import Link from "next/link";
import { STEPS } from "@/lib/validation/assessment";
import { cn } from "@/lib/utils";

/** Where the clinician is in the flow; every step is a plain link (works without JavaScript). */
export function Stepper({ base, current, saved }: { base: string; current: number; saved: ReadonlySet<number> }) {
  return (
    <nav aria-label="Assessment steps">
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {STEPS.map((s) => {
          const here = s.n === current;
          return (
            <li key={s.n}>
              <Link
                href={`${base}/step/${s.n}`}
                aria-current={here ? "step" : undefined}
                className={cn(
                  "flex h-full flex-col rounded-md border px-3 py-2 text-xs",
                  here ? "border-brand-700 bg-brand-50 text-brand-800" : "border-slate-200 bg-white text-slate-700 hover:bg-slate-50",
                )}
              >
                <span className="font-medium">
                  {s.n}. {s.title}
                </span>
                <span className="text-slate-600">{here ? "Current step" : saved.has(s.n) ? "Saved" : "Not saved yet"}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
