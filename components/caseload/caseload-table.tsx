import Link from "next/link";
import { formatDistanceToNowStrict } from "date-fns";
import { ageOn } from "@/lib/patients/format";
import { sportLabels, levelLabels } from "@/lib/validation/patient";

type Row = {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sport: keyof typeof sportLabels;
  level: keyof typeof levelLabels | null;
  status: "active" | "discharged";
  updatedAt: Date;
};

export function CaseloadTable({ rows }: { rows: Row[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Patients in your caseload</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">Patient</th>
            <th scope="col" className="px-4 py-3">Age</th>
            <th scope="col" className="px-4 py-3">Sport</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <td className="px-4 py-3 font-medium">
                <Link href={`/patients/${r.id}`} className="text-brand-800 hover:underline">
                  {r.lastName}, {r.firstName}
                </Link>
              </td>
              <td className="px-4 py-3">{ageOn(r.dateOfBirth)}</td>
              <td className="px-4 py-3">
                {sportLabels[r.sport]}
                {r.level ? <span className="text-slate-500"> · {levelLabels[r.level]}</span> : null}
              </td>
              <td className="px-4 py-3">
                <span
                  className={
                    r.status === "active"
                      ? "rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800"
                      : "rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700"
                  }
                >
                  {r.status === "active" ? "Active" : "Discharged"}
                </span>
              </td>
              <td className="px-4 py-3 text-slate-600">{formatDistanceToNowStrict(r.updatedAt, { addSuffix: true })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
