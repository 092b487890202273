import type { Metadata } from "next";
import Link from "next/link";
import { format } from "date-fns";
import { getDb } from "@/db/client";
import { BulkCaseloadForm } from "@/components/admin/bulk-caseload-form";
import { SortHeader } from "@/components/admin/sort-header";
import { Pagination } from "@/components/caseload/pagination";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { caseloadCounts, isDefaultView, listClinicCaseload, listClinicians } from "@/lib/admin/clinic-caseload";
import { requireRole } from "@/lib/auth/require-user";
import { verdictLabels, verdictTone } from "@/lib/clinical-labels";
import type { Verdict } from "@/lib/clinical";
import { clinicCaseloadQuerySchema, type ClinicCaseloadQuery } from "@/lib/validation/admin";
import { bulkPatientsAction } from "./actions";

export const metadata: Metadata = { title: "Clinic caseload" };

const COLUMNS = [
  ["name", "Patient"],
  ["clinician", "Clinician"],
  ["lastAssessed", "Last assessment"],
  ["verdict", "Verdict"],
  ["status", "Status"],
  ["due", "Reassess by"],
] as const;

function query(q: ClinicCaseloadQuery, patch: Partial<ClinicCaseloadQuery> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...patch })) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) params.set(k, String(v));
  return params.toString();
}

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link href={href} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
      <div className="text-3xl font-semibold tabular-nums">{value}</div>
      <div className="text-sm text-slate-600">{label}</div>
    </Link>
  );
}

export default async function ClinicDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  const q = clinicCaseloadQuerySchema.parse(await searchParams);
  const db = await getDb();
  const counts = await caseloadCounts(db, actor);
  const [result, clinicians] = await Promise.all([
    listClinicCaseload(db, actor, q, { knownTotal: isDefaultView(q) ? counts.active : undefined }),
    listClinicians(db, actor),
  ]);
  const hrefFor = (p: Partial<ClinicCaseloadQuery>) => `/admin?${query(q, p)}`;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Clinic caseload</h1>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Active patients" value={counts.active} href="/admin" />
        <Stat label="Open red flags" value={counts.redFlags} href="/admin?flag=red_flag" />
        <Stat label="Reassessments overdue" value={counts.overdue} href="/admin?flag=overdue" />
        <Stat label="Plans published this week" value={counts.plansPublishedThisWeek} href="/admin?sort=lastAssessed&dir=desc" />
      </div>

      <form method="get" action="/admin" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-6">
        <label className="text-sm sm:col-span-2">
          <span className="mb-1 block font-medium">Name</span>
          <Input name="q" type="search" defaultValue={q.q ?? ""} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Clinician</span>
          <Select name="clinician" defaultValue={q.clinician ?? ""}>
            <option value="">Everyone</option>
            {clinicians.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Status</span>
          <Select name="status" defaultValue={q.status}>
            <option value="active">Active</option>
            <option value="discharged">Discharged</option>
            <option value="all">All</option>
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Verdict</span>
          <Select name="verdict" defaultValue={q.verdict ?? ""}>
            <option value="">Any</option>
            {(Object.keys(verdictLabels) as Verdict[]).map((v) => (
              <option key={v} value={v}>
                {verdictLabels[v]}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Needs attention</span>
          <Select name="flag" defaultValue={q.flag ?? ""}>
            <option value="">—</option>
            <option value="red_flag">Open red flag</option>
            <option value="overdue">Reassessment overdue</option>
          </Select>
        </label>
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <div className="flex items-end gap-2 sm:col-span-6">
          <Button type="submit">Apply filters</Button>
          <Button variant="ghost" asChild>
            <a href="/admin">Clear</a>
          </Button>
          <span className="ml-auto text-sm text-slate-600">{result.total} patients</span>
          <Button variant="outline" asChild>
            <a href={`/api/admin/caseload.csv?${query(q, { page: 1 })}`} download>
              Export CSV
            </a>
          </Button>
        </div>
      </form>

      <BulkCaseloadForm action={bulkPatientsAction} clinicians={clinicians}>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Patients of every clinician in the clinic</caption>
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="w-10 px-4 py-3">
                  <span className="sr-only">Select</span>
                </th>
                {COLUMNS.map(([column, label]) => (
                  <SortHeader key={column} label={label} column={column} sort={q.sort} dir={q.dir} hrefFor={(p) => hrefFor({ ...p, page: 1 })} />
                ))}
                <th scope="col" className="px-4 py-3">Stage</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.rows.map((r) => {
                const verdict = r.lastVerdict as Verdict | null;
                const overdue = r.status === "active" && r.nextReassessmentDue !== null && r.nextReassessmentDue < today;
                return (
                  <tr key={r.id}>
                    <td className="px-4 py-2">
                      <input type="checkbox" name="patientIds" value={r.id} aria-label={`Select ${r.firstName} ${r.lastName}`} className="size-4" />
                    </td>
                    <td className="px-4 py-2 font-medium">
                      <Link href={`/patients/${r.id}`} className="text-brand-800 hover:underline">
                        {r.lastName}, {r.firstName}
                      </Link>
                      {r.openRedFlag ? <span className="ml-2 whitespace-nowrap rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">Red flag</span> : null}
                    </td>
                    <td className="px-4 py-2">{r.clinicianName}</td>
                    <td className="px-4 py-2">{r.lastAssessedAt ? format(r.lastAssessedAt, "d MMM yyyy") : "Not yet"}</td>
                    <td className="px-4 py-2">
                      {verdict ? <span className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${verdictTone[verdict]}`}>{verdictLabels[verdict]}</span> : "—"}
                    </td>
                    <td className="px-4 py-2">{r.status === "active" ? "Active" : "Discharged"}</td>
                    <td className={`px-4 py-2 ${overdue ? "font-semibold text-red-700" : ""}`}>
                      {r.nextReassessmentDue ?? "—"}
                      {overdue ? " (overdue)" : ""}
                    </td>
                    <td className="px-4 py-2 text-slate-600">{r.currentStage ?? "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </BulkCaseloadForm>
      <Pagination page={q.page} pageSize={result.pageSize} total={result.total} hrefFor={(page) => hrefFor({ page })} />
    </div>
  );
}
