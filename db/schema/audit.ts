import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

// Append-only: a trigger in the migrations rejects UPDATE and DELETE (ADR 0005).
// No FK to patients or users on purpose: the trail must outlive the rows it describes.
export const auditEvents = pgTable(
  "audit_events",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    patientId: uuid("patient_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    // Hash chain, sealed as the transaction commits (migrations 0003, 0015): each row's hash covers its
    // content and the previous row's hash, so `npm run audit:verify` finds an altered or missing row.
    chainSeq: bigint("chain_seq", { mode: "number" }).notNull().default(0),
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    index("audit_patient_idx").on(t.clinicId, t.patientId, t.at),
    index("audit_actor_idx").on(t.clinicId, t.actorUserId, t.at),
    index("audit_at_idx").on(t.clinicId, t.at),
    uniqueIndex("audit_chain_seq_unique").on(t.clinicId, t.chainSeq),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
