import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getDb } from "@/db/client";
import { CaseloadTable } from "@/components/caseload/caseload-table";
import { Pagination } from "@/components/caseload/pagination";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { requireRole } from "@/lib/auth/require-user";
import { clinicTimeZone } from "@/lib/clinics/clinic-time-zone";
import { listCaseload } from "@/lib/patients/list-caseload";
import { clockForRequest } from "@/lib/time/request-clock";
import { caseloadQuerySchema, type CaseloadQuery } from "@/lib/validation/patient";
import { REVIEW_FILTERS, reviewFilterLabels } from "@/lib/validation/worklist";

export const metadata: Metadata = { title: "My caseload" };

/** The page's URL for a query: defaults left out, so the plain list is plain `/patients`. */
function hrefFor(q: CaseloadQuery, patch: Partial<CaseloadQuery> = {}) {
  const v = { ...q, ...patch };
  const params = new URLSearchParams();
  if (v.q) params.set("q", v.q);
  if (v.status !== "active") params.set("status", v.status);
  if (v.review) params.set("review", v.review);
  if (v.redFlag) params.set("redFlag", "1");
  if (v.overdue) params.set("overdue", "1");
  if (v.sort !== "review") params.set("sort", v.sort);
  if (v.sort !== "review" && v.dir !== "asc") params.set("dir", v.dir);
  if (v.page !== 1) params.set("page", String(v.page));
  const s = params.toString();
  return s ? `/patients?${s}` : "/patients";
}

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("clinician", "admin");
  const query = caseloadQuerySchema.parse(await searchParams);
  const db = await getDb();
  const [result, timeZone] = await Promise.all([listCaseload(db, actor, query, clockForRequest(await headers())), clinicTimeZone(db, actor.clinicId)]);
  const filtered = Boolean(query.q || query.review || query.redFlag || query.overdue || query.status !== "active");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">My caseload</h1>
          <p className="text-sm text-slate-600">
            {result.total} {result.total === 1 ? "patient" : "patients"}
            {query.q ? ` matching “${query.q}”` : ""}
            {query.sort === "review" ? " · those needing you first" : ""}
          </p>
        </div>
        <Button asChild>
          <Link href="/patients/new">Add patient</Link>
        </Button>
      </div>
      <form role="search" aria-label="Find and filter patients" method="get" action="/patients" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="text-sm sm:col-span-2 lg:col-span-1">
          <label htmlFor="q" className="mb-1 block font-medium">
            Search patients by name
          </label>
          <Input id="q" name="q" type="search" placeholder="First or last name" defaultValue={query.q ?? ""} />
        </div>
        <div className="text-sm">
          <label htmlFor="review" className="mb-1 block font-medium">
            Awaiting review
          </label>
          <Select id="review" name="review" defaultValue={query.review ?? ""}>
            <option value="">Everyone</option>
            {REVIEW_FILTERS.map((f) => (
              <option key={f} value={f}>
                {reviewFilterLabels[f]}
              </option>
            ))}
          </Select>
        </div>
        <div className="text-sm">
          <label htmlFor="status" className="mb-1 block font-medium">
            Status
          </label>
          <Select id="status" name="status" defaultValue={query.status}>
            <option value="active">Active</option>
            <option value="discharged">Discharged</option>
            <option value="all">All</option>
          </Select>
        </div>
        <fieldset className="text-sm">
          <legend className="mb-1 block font-medium">Needs attention</legend>
          <div className="flex h-10 flex-wrap items-center gap-x-4 gap-y-1">
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" name="redFlag" value="1" defaultChecked={query.redFlag} className="size-4" />
              Open red flag
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} className="size-4" />
              Reassessment overdue
            </label>
          </div>
        </fieldset>
        {query.sort !== "review" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.sort !== "review" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit">Search</Button>
          {filtered ? (
            <Button variant="ghost" asChild>
              <Link href={hrefFor(query, { q: undefined, review: undefined, redFlag: false, overdue: false, status: "active", page: 1 })}>Clear filters</Link>
            </Button>
          ) : null}
          {query.sort !== "review" ? (
            <Link href={hrefFor(query, { sort: "review", dir: "asc", page: 1 })} className="ml-auto text-sm text-brand-800 underline-offset-2 hover:underline">
              Back to “needs me first”
            </Link>
          ) : null}
        </div>
      </form>
      {result.rows.length > 0 ? (
        <CaseloadTable
          rows={result.rows}
          today={result.today}
          timeZone={timeZone}
          sorting={{ sort: query.sort, dir: query.dir, hrefFor: (p) => hrefFor(query, { ...p, page: 1 }) }}
        />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-slate-600">
          {!filtered
            ? "No patients yet. Add your first patient to start an assessment."
            : query.q && !(query.review || query.redFlag || query.overdue || query.status !== "active")
              ? "No patients match that name."
              : "No patients match these filters."}
        </p>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} hrefFor={(page) => hrefFor(query, { page })} />
    </div>
  );
}
