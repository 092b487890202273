import { sql } from "drizzle-orm";
import { check, customType, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { users } from "./users";

// PostgreSQL's bytea as a Buffer, on postgres.js and PGlite alike (PGlite hands back a Uint8Array).
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
  toDriver: (v) => v,
});

// A clinic's own photo for one exercise of the library (issue 18, ADR 0028). The bytes are the
// re-encoded image (never what was uploaded), kept in the database so a backup, a clinic's data
// and the embedded database all carry them. One row per clinic and exercise; a replace rewrites
// it under its version (ADR 0004), and the content hash is the URL and the ETag, so a replaced
// photo has a new address and caches can keep the old one forever.
export const exerciseMedia = pgTable(
  "exercise_media",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    /** The library exercise's name (lib/plans/exercise-library.ts), as the plans name it. */
    exerciseName: text("exercise_name").notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    /** Hex SHA-256 of `bytes`: the URL's id and the strong ETag. */
    sha256: text("sha256").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    alt: text("alt").notNull(),
    /** Optional https link to a short video, shown on the patient's page only. */
    videoUrl: text("video_url"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").notNull(),
    updatedBy: uuid("updated_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.createdBy], foreignColumns: [users.clinicId, users.id] }),
    foreignKey({ columns: [t.clinicId, t.updatedBy], foreignColumns: [users.clinicId, users.id] }),
    uniqueIndex("exercise_media_one_per_exercise").on(t.clinicId, t.exerciseName),
    index("exercise_media_by_hash").on(t.clinicId, t.sha256),
    check("exercise_media_hash_shape", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("exercise_media_type", sql`${t.contentType} in ('image/webp','image/jpeg')`),
    check("exercise_media_dimensions", sql`${t.width} between 1 and 4000 and ${t.height} between 1 and 4000`),
    check("exercise_media_size", sql`octet_length(${t.bytes}) between 1 and 4194304`),
    check("exercise_media_name_length", sql`length(${t.exerciseName}) between 1 and 120`),
    check("exercise_media_alt_length", sql`length(${t.alt}) between 1 and 200`),
    check("exercise_media_video_https", sql`${t.videoUrl} is null or (${t.videoUrl} ~ '^https://' and length(${t.videoUrl}) <= 500)`),
    check("exercise_media_version_positive", sql`${t.version} >= 1`),
  ],
);

export type ExerciseMedia = typeof exerciseMedia.$inferSelect;
