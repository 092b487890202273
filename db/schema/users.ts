import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";

export const userRole = pgEnum("user_role", ["admin", "clinician"]);

export const users = pgTable(
  "users",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    // Lockout lives in the database so any app server sees it (ADR 0002).
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // clinic_id leads every key so Citus can co-locate a clinic's rows (ADR 0002).
    primaryKey({ columns: [t.clinicId, t.id] }),
    uniqueIndex("users_clinic_email_unique").on(t.clinicId, sql`lower(${t.email})`),
    uniqueIndex("users_email_lookup").on(sql`lower(${t.email})`, t.clinicId),
    index("users_clinic_name_idx").on(t.clinicId, t.name, t.id),
    check("users_email_shape", sql`${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
    check("users_failed_login_nonneg", sql`${t.failedLoginCount} >= 0`),
  ],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
