import { foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const passwordTokenPurpose = pgEnum("password_token_purpose", ["invite", "reset"]);

// One-time set-password links. Only the SHA-256 of the token is stored, so a database leak does
// not hand out working links.
export const passwordTokens = pgTable(
  "password_tokens",
  {
    clinicId: uuid("clinic_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id").notNull(),
    purpose: passwordTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.userId], foreignColumns: [users.clinicId, users.id] }).onDelete("cascade"),
    uniqueIndex("password_tokens_hash_unique").on(t.tokenHash, t.clinicId),
    index("password_tokens_user_idx").on(t.clinicId, t.userId),
  ],
);

export type PasswordToken = typeof passwordTokens.$inferSelect;
