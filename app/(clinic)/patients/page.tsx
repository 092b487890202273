import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { CaseloadTable } from "@/components/caseload/caseload-table";
import { Pagination } from "@/components/caseload/pagination";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { requireRole } from "@/lib/auth/require-user";
import { listCaseload } from "@/lib/patients/list-caseload";
import { caseloadQuerySchema } from "@/lib/validation/patient";

export const metadata: Metadata = { title: "My caseload" };

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("clinician", "admin");
  const query = caseloadQuerySchema.parse(await searchParams);
  const result = await listCaseload(await getDb(), actor, query);
  const hrefFor = (page: number) => `/patients?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">My caseload</h1>
          <p className="text-sm text-slate-600">
            {result.total} {result.total === 1 ? "patient" : "patients"}
            {query.q ? ` matching “${query.q}”` : ""}
          </p>
        </div>
        <Button asChild>
          <Link href="/patients/new">Add patient</Link>
        </Button>
      </div>
      <form role="search" method="get" action="/patients" className="flex max-w-md gap-2">
        <label htmlFor="q" className="sr-only">
          Search patients by name
        </label>
        <Input id="q" name="q" type="search" placeholder="Search by name" defaultValue={query.q ?? ""} />
        <Button type="submit" variant="outline">
          Search
        </Button>
      </form>
      {result.rows.length > 0 ? (
        <CaseloadTable rows={result.rows} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-slate-600">
          {query.q ? "No patients match that name." : "No patients yet. Add your first patient to start an assessment."}
        </p>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} hrefFor={hrefFor} />
    </div>
  );
}
