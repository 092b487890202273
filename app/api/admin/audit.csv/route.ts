import { exportAuditEvents } from "@/lib/admin/list-audit-events";
import { authedRoute } from "@/lib/auth/authed-route";
import { csvResponse, toCsv } from "@/lib/csv";
import { auditQuerySchema } from "@/lib/validation/admin";

/** GET /api/admin/audit.csv?… — the audit trail with the page's filters, as CSV (admins only). */
export const GET = authedRoute({ roles: ["admin"] }, async (req, { actor, db }) => {
  const q = auditQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const rows = await exportAuditEvents(db, actor, q);
  const body = toCsv(
    ["at_utc", "action", "user", "user_id", "patient", "patient_id", "entity_type", "entity_id", "ip", "user_agent", "detail"],
    rows.map((r) => [r.at, r.action, r.actorName, r.actorUserId, r.patientName, r.patientId, r.entityType, r.entityId, r.ip, r.userAgent, r.detail]),
  );
  return csvResponse(`audit-${new Date().toISOString().slice(0, 10)}.csv`, body);
});
