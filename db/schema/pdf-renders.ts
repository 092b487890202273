import { sql } from "drizzle-orm";
import { check, customType, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { plans } from "./plans";

/** PostgreSQL bytea as a Node Buffer (postgres.js and PGlite both hand back a Uint8Array/Buffer). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (v) => v,
  fromDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
});

// A published plan's PDF, rendered once and served again while nothing it prints has changed
// (ADR 0024). The key is a hash of everything the PDF prints plus the renderer's version, so a
// new stage, a settings change or a renderer upgrade is a new key, never a stale file. A cache:
// rows are derived, may be deleted at any time, and the newest few per plan are kept.
export const pdfRenders = pgTable(
  "pdf_renders",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    /** sha256 (hex) of the renderer version and the printed model. */
    renderKey: text("render_key").notNull(),
    planId: uuid("plan_id").notNull(),
    /** Strong ETag value: sha256 of the stored bytes, base64url. */
    etag: text("etag").notNull(),
    bytes: bytea("bytes").notNull(),
    byteSize: integer("byte_size").notNull(),
    rendererVersion: text("renderer_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.renderKey] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [plans.clinicId, plans.id] }).onDelete("cascade"),
    index("pdf_renders_plan_idx").on(t.clinicId, t.planId, t.createdAt),
    check("pdf_renders_size", sql`${t.byteSize} = octet_length(${t.bytes})`),
  ],
);

export type PdfRender = typeof pdfRenders.$inferSelect;
