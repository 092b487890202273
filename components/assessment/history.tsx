import Link from "next/link";
import type { AssessmentListItem } from "@/lib/assessments/list-assessments";
import type { AssessmentSnapshotInput } from "@/lib/assessments/build-input";
import { verdictWords } from "./labels";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export function AssessmentHistory({ patientId, items }: { patientId: string; items: AssessmentListItem[] }) {
  if (!items.length) return <p className="text-sm text-slate-600">No assessments yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] border-collapse text-sm">
        <caption className="sr-only">Assessment history</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-xs uppercase tracking-wide text-slate-600">
            <th scope="col" className="py-2 pr-3">Date</th>
            <th scope="col" className="py-2 pr-3">Kind</th>
            <th scope="col" className="py-2 pr-3">Status</th>
            <th scope="col" className="py-2 pr-3">Verdict</th>
            <th scope="col" className="py-2">PSFS</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ assessment: a, snapshot, amendmentCount }) => (
            <tr key={a.id} className="border-b border-slate-200">
              <td className="py-2 pr-3">
                <Link href={`/patients/${patientId}/assessments/${a.id}`} className="font-medium text-brand-700 underline">
                  {day(a.finalizedAt ?? a.createdAt)}
                </Link>
              </td>
              <td className="py-2 pr-3">{a.kind === "reassessment" ? "Reassessment" : "Initial"}</td>
              <td className="py-2 pr-3">
                {a.status === "draft" ? `Draft (step ${a.currentStep})` : amendmentCount ? `Final, amended ×${amendmentCount}` : "Final"}
              </td>
              <td className="py-2 pr-3">{snapshot ? verdictWords[snapshot.evaluation.verdict].title : "—"}</td>
              <td className="py-2">{(snapshot?.input as AssessmentSnapshotInput | undefined)?.psfs?.mean ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
