import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { SortHeader } from "@/components/admin/sort-header";
import { Pagination } from "@/components/caseload/pagination";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { auditFilterOptions, listAuditEvents } from "@/lib/admin/list-audit-events";
import { requireRole } from "@/lib/auth/require-user";
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
  const [result, options] = await Promise.all([listAuditEvents(db, actor, q), auditFilterOptions(db, actor)]);
  const hrefFor = (p: Partial<AuditQuery>) => `/admin/audit?${query(q, { ...p })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
          <p className="text-sm text-slate-600">{result.total} events. Times are UTC.</p>
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
                {a}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm sm:col-span-2">
          <span className="mb-1 block font-medium">Patient id</span>
          <Input name="patient" defaultValue={q.patient ?? ""} placeholder="e.g. from a patient's page" />
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
                <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{r.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="px-4 py-2">{r.actorName ?? "—"}</td>
                <td className="px-4 py-2 font-mono text-xs">{r.action}</td>
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
