import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { SortHeader } from "@/components/admin/sort-header";
import { Pagination } from "@/components/caseload/pagination";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { auditFilterOptions, countPatientsMatching, listAuditEvents, viewersByDay } from "@/lib/admin/list-audit-events";
import { auditActionLabel, auditActorLabel } from "@/lib/audit/action-labels";
import { requireRole } from "@/lib/auth/require-user";
import { clinicTimeZone } from "@/lib/clinics/clinic-time-zone";
import { formatClinicTime } from "@/lib/time/clock";
import { auditQuerySchema, type AuditQuery } from "@/lib/validation/admin";

export const metadata: Metadata = { title: "Audit trail" };

const AUDIT_COLUMNS = [
  ["at", "When"],
  ["user", "User"],
  ["action", "Action"],
  ["patient", "Patient"],
  ["ip", "From"],
] as const;

function query(q: AuditQuery, patch: Partial<AuditQuery> = {}) {
  const merged = { ...q, ...patch };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) params.set(k, String(v));
  return params.toString();
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  const q = auditQuerySchema.parse(await searchParams);
  const db = await getDb();
  const [result, options, matched, viewers] = await Promise.all([
    listAuditEvents(db, actor, q),
    auditFilterOptions(db, actor),
    q.patient ? countPatientsMatching(db, actor, q.patient) : Promise.resolve(null),
    q.views ? viewersByDay(db, actor, q) : Promise.resolve(null),
  ]);
  const timeZone = await clinicTimeZone(db, actor.clinicId);
  const hrefFor = (p: Partial<AuditQuery>) => `/admin/audit?${query(q, { ...p })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
          <p className="text-sm text-slate-600">{result.total} {result.total === 1 ? "event" : "events"}. Times are in the clinic&apos;s time zone ({timeZone}); the CSV export is in UTC.</p>
        </div>
        <Button variant="outline" asChild>
          <a href={`/api/admin/audit.csv?${query(q, { page: 1 })}`} download>
            Export CSV
          </a>
        </Button>
      </div>
      <form method="get" action="/admin/audit" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-6">
        <label className="text-sm sm:col-span-2">
          <span className="mb-1 block font-medium">User</span>
          <Select name="user" defaultValue={q.user ?? ""}>
            <option value="">Anyone</option>
            {options.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm sm:col-span-2">
          <span className="mb-1 block font-medium">Action</span>
          <Select name="action" defaultValue={q.action ?? ""}>
            <option value="">Any action</option>
            {options.actions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabel(a)}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm sm:col-span-2">
          <span className="mb-1 block font-medium">Patient</span>
          <Input name="patient" defaultValue={q.patient ?? ""} placeholder="Name, or the id from a patient's page" aria-describedby={matched === 0 ? "patient-none" : undefined} />
          {matched === 0 && (
            <span id="patient-none" role="status" className="mt-1 block text-xs text-red-700">
              No patient of this clinic matches “{q.patient}”.
            </span>
          )}
        </label>
        <label className="flex items-center gap-2 self-end pb-2 text-sm sm:col-span-2">
          <input type="checkbox" name="views" value="1" defaultChecked={q.views === "1"} className="size-4" />
          <span className="font-medium">Views only (who looked at it)</span>
        </label>
        <label className="text-sm sm:col-span-2">
          <span className="mb-1 block font-medium">From (UTC)</span>
          <Input type="date" name="from" defaultValue={q.from ?? ""} />
        </label>
        <label className="text-sm sm:col-span-2">
          <span className="mb-1 block font-medium">To (UTC, inclusive)</span>
          <Input type="date" name="to" defaultValue={q.to ?? ""} />
        </label>
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <div className="flex items-end gap-2 sm:col-span-2">
          <Button type="submit">Filter</Button>
          <Button variant="ghost" asChild>
            <a href="/admin/audit">Clear</a>
          </Button>
        </div>
      </form>
      {viewers && (
        <section aria-labelledby="viewers-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="viewers-heading" className="mb-2 text-base font-semibold">
            Who looked, day by day (UTC)
          </h2>
          {viewers.length === 0 ? (
            <p className="text-sm text-slate-600">Nobody viewed anything that matches these filters.</p>
          ) : (
            <table className="min-w-full text-sm">
              <caption className="sr-only">Distinct viewers per day</caption>
              <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-4">Day</th>
                  <th scope="col" className="py-1 pr-4">Who</th>
                  <th scope="col" className="py-1">Reads</th>
                </tr>
              </thead>
              <tbody>
                {viewers.map((v) => (
                  <tr key={`${v.day}-${v.actorUserId ?? "link"}`}>
                    <td className="py-1 pr-4 font-mono text-xs">{v.day}</td>
                    <td className="py-1 pr-4">{auditActorLabel(v)}</td>
                    <td className="py-1">{v.reads}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Audit events</caption>
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
            <tr>
              {AUDIT_COLUMNS.map(([column, label]) => (
                <SortHeader key={column} label={label} column={column} sort={q.sort} dir={q.dir} hrefFor={(p) => hrefFor({ ...p, page: 1 })} />
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap px-4 py-2 text-xs">
                  <time dateTime={r.at.toISOString()}>{formatClinicTime(r.at, timeZone)}</time>
                </td>
                <td className="px-4 py-2">{auditActorLabel(r)}</td>
                <td className="px-4 py-2" title={r.action}>
                  {auditActionLabel(r.action)}
                </td>
                <td className="px-4 py-2">{r.patientName ?? (r.patientId ? "(removed)" : "—")}</td>
                <td className="px-4 py-2 text-slate-600">{r.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={q.page} pageSize={result.pageSize} total={result.total} hrefFor={(page) => hrefFor({ page })} />
    </div>
  );
}
