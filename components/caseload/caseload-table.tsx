import Link from "next/link";
import { SortHeader } from "@/components/admin/sort-header";
import { ageOn } from "@/lib/patients/format";
import { levelLabels, sportLabels } from "@/lib/validation/patient";
import type { WorklistSort } from "@/lib/validation/worklist";
import { DueCell, Empty, isOverdue, LastCheckInCell, RedFlagCell, ReviewCell, StatusBadge, VerdictCell, WindowCountCell } from "./worklist-cells";

type Row = {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sport: keyof typeof sportLabels;
  level: keyof typeof levelLabels | null;
  status: "active" | "discharged";
  lastVerdict: string | null;
  currentStage: string | null;
  openRedFlag: boolean;
  nextReassessmentDue: string | null;
  lastCheckInOn: string | null;
  reviewSuggestion: string | null;
  reviewWaitingSince: Date | null;
  flaresLast7Days: number;
  dataDaysLast30: number;
  checkInStatsOn: string | null;
};

type Sorting = { sort: WorklistSort; dir: "asc" | "desc"; hrefFor: (p: { sort: WorklistSort; dir: "asc" | "desc" }) => string };

// The same padding as SortHeader, so sortable and plain headers line up.
const th = "px-4 py-3";
const td = "px-4 py-2.5 align-top";

/**
 * The clinician's worklist: server-sorted (each header is a link, so sorting works without
 * JavaScript and every order has its own URL), one row per patient whose name links to the record.
 */
export function CaseloadTable({ rows, today, timeZone, sorting }: { rows: Row[]; today: string; timeZone: string; sorting: Sorting }) {
  const header = (column: WorklistSort, label: string) => <SortHeader label={label} column={column} sort={sorting.sort} dir={sorting.dir} hrefFor={sorting.hrefFor} />;
  return (
    // `relative`: screen-reader-only text in the cells is positioned absolutely; without a positioned
    // box here it escapes the scroll container and widens the page itself on a tablet.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="worklist">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Patients in your caseload, those needing you first unless sorted otherwise</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
          <tr>
            {header("name", "Patient")}
            {header("review", "Awaiting review")}
            {header("verdict", "Verdict")}
            <th scope="col" className={th}>
              Stage
            </th>
            <th scope="col" className={th}>
              Red flag
            </th>
            {header("due", "Reassess by")}
            {header("lastCheckIn", "Last check-in")}
            {header("flares", "Flares, 7 days")}
            {header("dataDays", "Data days, 30")}
            <th scope="col" className={th}>
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className={r.reviewSuggestion === "urgent_care" ? "bg-red-50/60 hover:bg-red-50" : "hover:bg-slate-50"}>
              <td className={`${td} min-w-44`}>
                <Link href={`/patients/${r.id}`} className="font-medium text-brand-800 hover:underline">
                  {r.lastName}, {r.firstName}
                </Link>
                <div className="text-xs text-slate-600">
                  {ageOn(r.dateOfBirth)} y · {sportLabels[r.sport]}
                  {r.level ? ` · ${levelLabels[r.level]}` : ""}
                </div>
              </td>
              <td className={td}>
                <ReviewCell suggestion={r.reviewSuggestion} waitingSince={r.reviewWaitingSince} timeZone={timeZone} />
              </td>
              <td className={td}>
                <VerdictCell verdict={r.lastVerdict} />
              </td>
              <td className={`${td} min-w-40 text-slate-700`}>{r.currentStage ?? <Empty words="No stage" />}</td>
              <td className={td}>
                <RedFlagCell open={r.openRedFlag} />
              </td>
              <td className={td}>
                <DueCell due={r.nextReassessmentDue} overdue={isOverdue(r, today)} />
              </td>
              <td className={td}>
                <LastCheckInCell day={r.lastCheckInOn} today={today} />
              </td>
              <td className={td}>
                <WindowCountCell value={r.flaresLast7Days} statsOn={r.checkInStatsOn} today={today} />
              </td>
              <td className={td}>
                <WindowCountCell value={r.dataDaysLast30} statsOn={r.checkInStatsOn} today={today} />
              </td>
              <td className={td}>
                <StatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
