import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { patients } from "./patients";
import { planLinks, plans } from "./plans";
import { users } from "./users";

// Where the patient is in a published plan (issue 12). Append-only by trigger: each change is a
// new row with the next `seq`, so "where was she on the 3rd" and "who moved her" stay answerable.
// Written at publish (the first stage), and later only by an approved review or a clinician's edit.
export const planPositions = pgTable(
  "plan_positions",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    planId: uuid("plan_id").notNull(),
    seq: integer("seq").notNull(),
    stageKey: text("stage_key").notNull(),
    /** The clinic-local day the stage began (publish or the change that moved it). */
    startedOn: date("started_on", { mode: "string" }).notNull(),
    /** Cumulative dose cut taken inside this stage, % (contract: stage.doseCutPct 0-50). */
    doseCutPct: integer("dose_cut_pct").notNull().default(0),
    lastLighterWeekOn: date("last_lighter_week_on", { mode: "string" }),
    /** Resting pain when the stage began (0-10), the reference for next-morning pain. */
    baselinePainNrs: integer("baseline_pain_nrs"),
    /** What moved it: publish, an approved review, or a clinician's edit. */
    source: text("source").notNull(),
    setBy: uuid("set_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [plans.clinicId, plans.id] }),
    foreignKey({ columns: [t.clinicId, t.setBy], foreignColumns: [users.clinicId, users.id] }),
    uniqueIndex("plan_positions_seq").on(t.clinicId, t.planId, t.seq),
    check("plan_positions_seq_positive", sql`${t.seq} >= 1`),
    check("plan_positions_cut_range", sql`${t.doseCutPct} between 0 and 50`),
    check("plan_positions_baseline_range", sql`${t.baselinePainNrs} is null or ${t.baselinePainNrs} between 0 and 10`),
    check("plan_positions_source", sql`${t.source} in ('publish','review','edit')`),
    check("plan_positions_stage_key_nonblank", sql`length(${t.stageKey}) between 1 and 40`),
  ],
);

// One logged session and, added the morning after, the 24-hour answer (contract v1 field names,
// shared/clinical/checkins.md). Distances are stored in km whatever the clinic displays.
export const checkIns = pgTable(
  "check_ins",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    patientId: uuid("patient_id").notNull(),
    planId: uuid("plan_id").notNull(),
    /** The link it came through; null for a log a clinician entered from paper. */
    linkId: uuid("link_id"),
    /** A clinician who entered it (from a paper log); null when the patient logged it. */
    enteredBy: uuid("entered_by"),
    /** From the form: a double submit carries the same key and records nothing more. */
    idempotencyKey: text("idempotency_key").notNull(),
    sessionDate: date("session_date", { mode: "string" }).notNull(),
    activity: text("activity").notNull(),
    done: text("done").notNull(),
    minutes: integer("minutes"),
    distanceKm: real("distance_km"),
    effortRpe: integer("effort_rpe"),
    painDuringNrs: integer("pain_during_nrs"),
    sharpPain: boolean("sharp_pain"),
    alteredMovement: boolean("altered_movement"),
    tinglingOrNumbnessDownLeg: boolean("tingling_or_numbness_down_leg"),
    saddleNumbness: boolean("saddle_numbness"),
    bladderOrBowelChange: boolean("bladder_or_bowel_change"),
    bothLegs: boolean("both_legs"),
    calfSwellingRednessHeat: boolean("calf_swelling_redness_heat"),
    chestPainOrBreathlessness: boolean("chest_pain_or_breathlessness"),
    feverOrUnwell: boolean("fever_or_unwell"),
    note: text("note"),
    // The 24-hour check, added the morning after (all null until then).
    morningPainNrs: integer("morning_pain_nrs"),
    morningComparedWithBefore: text("morning_compared_with_before"),
    morningStiffnessOver30Min: boolean("morning_stiffness_over_30_min"),
    morningIdempotencyKey: text("morning_idempotency_key"),
    morningAt: timestamp("morning_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [plans.clinicId, plans.id] }),
    foreignKey({ columns: [t.clinicId, t.linkId], foreignColumns: [planLinks.clinicId, planLinks.id] }),
    foreignKey({ columns: [t.clinicId, t.enteredBy], foreignColumns: [users.clinicId, users.id] }),
    uniqueIndex("check_ins_idempotency").on(t.clinicId, t.planId, t.idempotencyKey),
    uniqueIndex("check_ins_morning_idempotency").on(t.clinicId, t.planId, t.morningIdempotencyKey),
    // The review and the patient's history read a plan's check-ins by date.
    index("check_ins_plan_date_idx").on(t.clinicId, t.planId, t.sessionDate),
    index("check_ins_patient_date_idx").on(t.clinicId, t.patientId, t.sessionDate),
    check("check_ins_key_shape", sql`length(${t.idempotencyKey}) between 8 and 64`),
    check("check_ins_activity", sql`${t.activity} in ('run','strength','cross_training','sport','other')`),
    check("check_ins_done", sql`${t.done} in ('as_planned','shortened','skipped')`),
    check("check_ins_minutes_range", sql`${t.minutes} is null or ${t.minutes} between 0 and 600`),
    check("check_ins_distance_range", sql`${t.distanceKm} is null or ${t.distanceKm} between 0 and 300`),
    check("check_ins_effort_range", sql`${t.effortRpe} is null or ${t.effortRpe} between 0 and 10`),
    check("check_ins_pain_range", sql`${t.painDuringNrs} is null or ${t.painDuringNrs} between 0 and 10`),
    check("check_ins_morning_pain_range", sql`${t.morningPainNrs} is null or ${t.morningPainNrs} between 0 and 10`),
    check("check_ins_morning_compared", sql`${t.morningComparedWithBefore} is null or ${t.morningComparedWithBefore} in ('better','same','worse')`),
    // A morning answer is whole: the comparison is required inside nextMorning (contract).
    check("check_ins_morning_whole", sql`(${t.morningComparedWithBefore} is null) = (${t.morningAt} is null)`),
    check("check_ins_note_length", sql`${t.note} is null or length(${t.note}) <= 500`),
    check("check_ins_entered_by_one", sql`${t.linkId} is not null or ${t.enteredBy} is not null`),
  ],
);

export type PlanPosition = typeof planPositions.$inferSelect;
export type CheckInRow = typeof checkIns.$inferSelect;
