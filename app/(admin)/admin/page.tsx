import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getDb } from "@/db/client";
import { BulkCaseloadForm } from "@/components/admin/bulk-caseload-form";
import { SortHeader } from "@/components/admin/sort-header";
import { Pagination } from "@/components/caseload/pagination";
import { DueCell, Empty, isOverdue, LastCheckInCell, RedFlagCell, ReviewCell, StatusBadge, VerdictCell, WindowCountCell } from "@/components/caseload/worklist-cells";
import { verdictWords } from "@/components/assessment/labels";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { caseloadCounts, clinicDay, isDefaultView, listClinicCaseload, listClinicians } from "@/lib/admin/clinic-caseload";
import { requireRole } from "@/lib/auth/require-user";
import { clinicTimeZone } from "@/lib/clinics/clinic-time-zone";
import { clockForRequest } from "@/lib/time/request-clock";
import { dayIn, formatDay } from "@/lib/time/clock";
import { REVIEW_FILTERS, reviewFilterLabels } from "@/lib/validation/worklist";
import type { Verdict } from "@/lib/clinical";
import { clinicCaseloadQuerySchema, type ClinicCaseloadQuery } from "@/lib/validation/admin";
import { bulkPatientsAction } from "./actions";

export const metadata: Metadata = { title: "Clinic caseload" };

type Column = { sort: ClinicCaseloadQuery["sort"]; label: string } | { sort?: undefined; label: string };
const COLUMNS: Column[] = [
  { sort: "name", label: "Patient" },
  { sort: "clinician", label: "Clinician" },
  { sort: "review", label: "Awaiting review" },
  { sort: "verdict", label: "Verdict" },
  { label: "Stage" },
  { label: "Red flag" },
  { sort: "due", label: "Reassess by" },
  { sort: "lastCheckIn", label: "Last check-in" },
  { sort: "flares", label: "Flares, 7 days" },
  { sort: "dataDays", label: "Data days, 30" },
  { sort: "lastAssessed", label: "Last assessment" },
  { sort: "status", label: "Status" },
];

function query(q: ClinicCaseloadQuery, patch: Partial<ClinicCaseloadQuery> = {}) {
  const params = new URLSearchParams();
  const v = { ...q, ...patch };
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === "" || (k === "page" && x === 1) || (k === "dir" && v.sort === "review")) continue;
    params.set(k, String(x));
  }
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
  const [today, timeZone] = await Promise.all([clinicDay(db, actor.clinicId, clockForRequest(await headers())), clinicTimeZone(db, actor.clinicId)]);
  const counts = await caseloadCounts(db, actor, { today });
  const [result, clinicians] = await Promise.all([
    listClinicCaseload(db, actor, q, { knownTotal: isDefaultView(q) ? counts.active : undefined, today }),
    listClinicians(db, actor),
  ]);
  const hrefFor = (p: Partial<ClinicCaseloadQuery>) => `/admin?${query(q, p)}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Clinic caseload</h1>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Active patients" value={counts.active} href="/admin" />
        <Stat label="Urgent reports" value={counts.urgentReports} href="/admin?review=urgent&sort=review" />
        <Stat label="Reviews waiting" value={counts.reviewsWaiting} href="/admin?review=waiting&sort=review" />
        <Stat label="Open red flags" value={counts.redFlags} href="/admin?flag=red_flag" />
        <Stat label="Reassessments overdue" value={counts.overdue} href="/admin?flag=overdue" />
        <Stat label="Plans published this week" value={counts.plansPublishedThisWeek} href="/admin?sort=lastAssessed&dir=desc" />
      </div>

      <form method="get" action="/admin" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7">
        <label className="text-sm sm:col-span-3 lg:col-span-1">
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
            {(Object.keys(verdictWords) as Verdict[]).map((v) => (
              <option key={v} value={v}>
                {verdictWords[v].title}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Awaiting review</span>
          <Select name="review" defaultValue={q.review ?? ""}>
            <option value="">Everyone</option>
            {REVIEW_FILTERS.map((f) => (
              <option key={f} value={f}>
                {reviewFilterLabels[f]}
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
        <div className="flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-7">
          <Button type="submit">Apply filters</Button>
          <Button variant="ghost" asChild>
            <a href="/admin">Clear</a>
          </Button>
          <span className="ml-auto text-sm text-slate-600">{result.total} {result.total === 1 ? "patient" : "patients"}</span>
          <Button variant="outline" asChild>
            <a href={`/api/admin/caseload.csv?${query(q, { page: 1 })}`} download>
              Export CSV
            </a>
          </Button>
        </div>
      </form>

      <BulkCaseloadForm action={bulkPatientsAction} clinicians={clinicians}>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Patients of every clinician in the clinic</caption>
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="w-10 px-4 py-3">
                  <span className="sr-only">Select</span>
                </th>
                {COLUMNS.map((c) =>
                  c.sort ? (
                    <SortHeader key={c.label} label={c.label} column={c.sort} sort={q.sort} dir={q.dir} hrefFor={(p) => hrefFor({ ...p, page: 1 })} />
                  ) : (
                    <th key={c.label} scope="col" className="px-4 py-3">
                      {c.label}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.rows.map((r) => (
                <tr key={r.id} className={r.reviewSuggestion === "urgent_care" ? "bg-red-50/60" : undefined}>
                  <td className="px-4 py-2 align-top">
                    <input type="checkbox" name="patientIds" value={r.id} aria-label={`Select ${r.firstName} ${r.lastName}`} className="size-4" />
                    {/* Who the patient is with as drawn: a reassignment moves them only from here. */}
                    <input type="hidden" name="assignedTo" value={`${r.id}:${r.clinicianId}`} />
                  </td>
                  <td className="min-w-40 px-4 py-2 align-top font-medium">
                    <Link href={`/patients/${r.id}`} className="text-brand-800 hover:underline">
                      {r.lastName}, {r.firstName}
                    </Link>
                  </td>
                  <td className="px-4 py-2 align-top">{r.clinicianName}</td>
                  <td className="px-4 py-2 align-top">
                    <ReviewCell suggestion={r.reviewSuggestion} waitingSince={r.reviewWaitingSince} timeZone={timeZone} />
                  </td>
                  <td className="px-4 py-2 align-top">
                    <VerdictCell verdict={r.lastVerdict} />
                  </td>
                  <td className="min-w-40 px-4 py-2 align-top text-slate-700">{r.currentStage ?? <Empty words="No stage" />}</td>
                  <td className="px-4 py-2 align-top">
                    <RedFlagCell open={r.openRedFlag} />
                  </td>
                  <td className="px-4 py-2 align-top">
                    <DueCell due={r.nextReassessmentDue} overdue={isOverdue(r, today)} />
                  </td>
                  <td className="px-4 py-2 align-top">
                    <LastCheckInCell day={r.lastCheckInOn} today={today} />
                  </td>
                  <td className="px-4 py-2 align-top">
                    <WindowCountCell value={r.flaresLast7Days} statsOn={r.checkInStatsOn} today={today} />
                  </td>
                  <td className="px-4 py-2 align-top">
                    <WindowCountCell value={r.dataDaysLast30} statsOn={r.checkInStatsOn} today={today} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-2 align-top">{r.lastAssessedAt ? formatDay(dayIn(r.lastAssessedAt, timeZone)) : "Not yet"}</td>
                  <td className="px-4 py-2 align-top">
                    <StatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </BulkCaseloadForm>
      <Pagination page={q.page} pageSize={result.pageSize} total={result.total} hrefFor={(page) => hrefFor({ page })} />
    </div>
  );
}
