import "server-only";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { assessmentInputSchema, evaluate } from "@/lib/clinical";
import vignettes from "@/lib/clinical/fixtures/vignettes.json";
import { fromEnginePlan } from "@/lib/plans/content";
import { refreshPlanReview } from "@/lib/reviews/refresh-review";
import { systemClock, type Clock } from "@/lib/time/clock";
import type { Db, DbOrTx } from "./client";
import { rawRows } from "./raw";
import { clinics, users } from "./schema";
import { DEMO_PASSWORD } from "./seed-data";

export type LargeSeedOptions = {
  patients: number;
  assessmentsPerPatient: number;
  clinicians: number;
  clinicName?: string;
  /** Check-ins: `perPatient` sessions for `patientsFraction` of the patients (on published plans). */
  checkIns?: { patientsFraction: number; perPatient: number };
};
export const LARGE_DEFAULTS: LargeSeedOptions = { patients: 50_000, assessmentsPerPatient: 5, clinicians: 20, checkIns: { patientsFraction: 0.2, perPatient: 20 } };

/**
 * A clinic at scale, for index tests and benchmarks: N patients spread over M clinicians, each
 * with K final assessments. Generated set-wise in SQL (generate_series), one transaction, so
 * 50,000 patients and 250,000 assessments (and ~21,000 published plans) take seconds, not minutes. The evaluation
 * snapshots are small but shaped like the real thing (verdict, reasons, a first plan stage).
 */
export async function seedLargeClinic(db: Db, opts: LargeSeedOptions = LARGE_DEFAULTS) {
  const name = opts.clinicName ?? `Large Clinic ${new Date().toISOString().slice(0, 19)}`;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [clinic] = await tx.insert(clinics).values({ name, settings: { units: "km", paperSize: "A4" } }).returning();
    const clinicId = clinic!.id;
    const stamp = Date.now().toString(36);
    const people = await tx
      .insert(users)
      .values([
        { clinicId, email: `admin-${stamp}@large.loadwise.test`, name: "Large Admin", role: "admin" as const, passwordHash },
        ...Array.from({ length: opts.clinicians }, (_, i) => ({
          clinicId,
          email: `pt${i + 1}-${stamp}@large.loadwise.test`,
          name: `Clinician ${String(i + 1).padStart(2, "0")}`,
          role: "clinician" as const,
          passwordHash,
        })),
      ])
      .returning({ id: users.id, role: users.role });
    const clinicianIds = people.filter((p) => p.role === "clinician").map((p) => p.id);
    const adminId = people.find((p) => p.role === "admin")!.id;

    // Patients: names from small pools, sports and ages spread, every 20th discharged.
    await tx.execute(sql`
      insert into patients (clinic_id, id, clinician_id, first_name, last_name, date_of_birth, sex, sport, level, status)
      select ${clinicId}::uuid, gen_random_uuid(),
             (${sql.raw(`array[${clinicianIds.map((id) => `'${id}'::uuid`).join(",")}]`)})[1 + (g % ${clinicianIds.length})],
             (array['Ana','Ben','Cleo','Dan','Eva','Finn','Gia','Hugo','Iris','Jon','Kim','Leo','Mia','Noah','Ola','Pia'])[1 + g % 16],
             'Patient' || lpad(g::text, 6, '0'),
             date '1960-01-01' + (g * 7 % 16000),
             (array['female','male','other','unspecified'])[1 + g % 4]::patient_sex,
             (array['running','lifting','crossfit','hyrox','hybrid','team_sport','other'])[1 + g % 7]::sport,
             (array['recreational','competitive','elite'])[1 + g % 3]::sport_level,
             -- By hash, not g % 20: with 20 clinicians that put every discharged patient in
             -- clinician 1's caseload (and none in the others'), so the benches' signed-in
             -- clinician had nothing active to review.
             case when abs(hashtext(g::text || 'status')) % 20 = 0 then 'discharged' else 'active' end::patient_status
        from generate_series(1, ${opts.patients}) g`);

    // Fresh statistics before each set-wise step: the planner otherwise sizes these joins from the
    // counts it last saw (a handful of demo rows) and picks nested loops that go quadratic.
    await tx.execute(sql`analyze patients`);

    // Assessments: K per patient, weekly apart, the newest within the last few months.
    await tx.execute(sql`
      insert into assessments (clinic_id, id, patient_id, kind, status, draft, current_step, version,
                               input, evaluation, ruleset_version, finalized_at, finalized_by, created_by, created_at, updated_at)
      select p.clinic_id, gen_random_uuid(), p.id,
             case when k = 1 then 'initial' else 'reassessment' end::assessment_kind, 'final', '{}'::jsonb, 7, 2,
             jsonb_build_object('contractVersion', 1, 'patient', jsonb_build_object('ageYears', 30), 'sport', jsonb_build_object('primary', p.sport)),
             jsonb_build_object(
               'contractVersion', 1, 'rulesetVersion', 'seed',
               'verdict', v.verdict,
               'reasons', case when v.verdict in ('refer','urgent_referral')
                 then jsonb_build_array(jsonb_build_object('ruleId','red_flag.seeded','category','red_flag','verdict',v.verdict,'summary','Seeded red flag','evidence','{}'::jsonb))
                 else '[]'::jsonb end,
               'capacity', '[]'::jsonb, 'missing', '[]'::jsonb,
               'plan', case when v.verdict = 'urgent_referral' then 'null'::jsonb else jsonb_build_object('stages', jsonb_build_array(
                 jsonb_build_object('key','s1','title', (array['Settle symptoms','Rebuild capacity','Reload','Return to full'])[1 + (abs(hashtext(p.id::text)) + k) % 4],
                   'weeks', jsonb_build_object('min', 1, 'max', 2)))) end),
             'seed',
             now() - ((${opts.assessmentsPerPatient} - k) * interval '7 days') - ((hashtext(p.id::text) & 127) * interval '1 day'),
             p.clinician_id, p.clinician_id,
             now() - ((${opts.assessmentsPerPatient} - k) * interval '7 days') - ((hashtext(p.id::text) & 127) * interval '1 day'),
             now()
        from patients p
        cross join generate_series(1, ${opts.assessmentsPerPatient}) k
        cross join lateral (select (array['push','modify','modify','back_off','back_off','refer','urgent_referral'])[1 + abs(hashtext(p.id::text || k::text)) % 7] as verdict) v
       where p.clinic_id = ${clinicId}::uuid`);

    await tx.execute(sql`analyze assessments`);

    // The caseload summary from each patient's newest assessment (what refreshPatientSummary keeps).
    await tx.execute(sql`
      update patients p set
        last_assessed_at = a.finalized_at,
        last_verdict = a.evaluation->>'verdict',
        current_stage = a.evaluation->'plan'->'stages'->0->>'title',
        open_red_flag = a.evaluation->>'verdict' in ('refer','urgent_referral'),
        next_reassessment_due = (a.finalized_at + case a.evaluation->>'verdict' when 'urgent_referral' then interval '0' when 'refer' then interval '7 days' else interval '14 days' end)::date
        from (select distinct on (patient_id) patient_id, finalized_at, evaluation from assessments
               where clinic_id = ${clinicId}::uuid order by patient_id, finalized_at desc) a
       where p.clinic_id = ${clinicId}::uuid and p.id = a.patient_id`);

    // The worklist's check-in columns (issue 13), as refreshReview would leave them: about two in
    // five active patients checked in during the last 30 days, and one in 25 has a review waiting
    // (urgent reports rare, progress the most common), so the planner sees a real distribution.
    await tx.execute(sql`
      update patients p set
        last_check_in_on = case when s.h % 5 < 2 then current_date - (s.h % 30) end,
        data_days_last_30 = case when s.h % 5 < 2 then 1 + s.h % 20 else 0 end,
        flares_last_7_days = case when s.h % 5 < 2 then (s.h / 7) % 3 else 0 end,
        check_in_stats_on = case when s.h % 5 < 2 then current_date - (s.h % 2) end,
        review_priority = s.priority,
        review_suggestion = (array['urgent_care','seek_care','regress','progress'])[s.priority + 1],
        review_waiting_since = case when s.priority is not null then now() - (s.h % 240) * interval '1 hour' end
        from (select id, h,
                     case when status = 'active' and h % 25 = 0
                          then (array[0,1,1,2,2,2,3,3,3,3])[1 + (h / 25) % 10] end as priority
                from (select id, status, abs(hashtext(id::text || 'worklist')) as h from patients where clinic_id = ${clinicId}::uuid) x) s
       where p.clinic_id = ${clinicId}::uuid and p.id = s.id`);

    // A published plan from the newest assessment for about half the patients (never for an
    // urgent referral, which has no plan), published a day after that assessment.
    await tx.execute(sql`
      insert into plans (clinic_id, id, patient_id, assessment_id, verdict, ruleset_version, engine_plan, version,
                         published_version, published_at, published_by, created_by, created_at, updated_at)
      select a.clinic_id, gen_random_uuid(), a.patient_id, a.id, a.evaluation->>'verdict', 'seed', a.evaluation->'plan', 1,
             1, a.finalized_at + interval '1 day', a.finalized_by, a.finalized_by, a.finalized_at, a.finalized_at
        from (select distinct on (patient_id) * from assessments
               where clinic_id = ${clinicId}::uuid order by patient_id, finalized_at desc) a
       where a.evaluation->>'verdict' <> 'urgent_referral' and abs(hashtext(a.patient_id::text)) % 2 = 0`);

    const withCheckIns = opts.checkIns ? await seedLargeCheckIns(tx, clinicId, Math.floor(opts.patients * opts.checkIns.patientsFraction), opts.checkIns.perPatient) : 0;

    return { clinicId, adminId, adminEmail: `admin-${stamp}@large.loadwise.test`, clinicianEmail: `pt1-${stamp}@large.loadwise.test`, clinicianIds, name, plansWithCheckIns: withCheckIns };
  });
}

/**
 * Check-ins for `patients` of the seeded plans, `perPatient` sessions each, every other day up
 * to yesterday, inserted set-wise (a bench fixture: direct inserts, not the patient's form). Those
 * plans get what a real publish leaves: a version with the real content of a four-stage plan (from
 * a vignette, through the engine), the patient's position and a link the check-ins came through.
 * The mix is chosen by hash: mostly green sessions with next-morning answers, about one patient in
 * ten with a flare in the last week, one in a hundred with an urgent symptom, some unanswered
 * mornings and amber sessions. The review itself is computed afterwards (refreshLargeClinicReviews).
 */
async function seedLargeCheckIns(tx: DbOrTx, clinicId: string, patients: number, perPatient: number) {
  const vignette = vignettes.find((v) => v.id === "runner-knee-weak-calves")!;
  const enginePlan = evaluate(assessmentInputSchema.parse(vignette.input)).plan!;
  const content = fromEnginePlan(enginePlan);
  await tx.execute(sql`create temporary table bench_checkin_plans on commit drop as
    select p.id as plan_id, p.patient_id, p.created_by, h.h
      from plans p cross join lateral (select abs(hashtext(p.id::text)) as h) h
     where p.clinic_id = ${clinicId}::uuid and p.published_version is not null
     order by h.h, p.id
     limit ${patients}`);
  // The stage began 2-5 weeks ago (stage 2 of 4 for half of them), so some are due to move on.
  await tx.execute(sql`
    update plans p set engine_plan = ${JSON.stringify(enginePlan)}::jsonb
      from bench_checkin_plans b where p.clinic_id = ${clinicId}::uuid and p.id = b.plan_id`);
  await tx.execute(sql`
    insert into plan_versions (clinic_id, plan_id, version, content, created_by, created_at)
    select ${clinicId}::uuid, b.plan_id, 1, ${JSON.stringify(content)}::jsonb, b.created_by, now() - interval '60 days'
      from bench_checkin_plans b`);
  await tx.execute(sql`
    insert into plan_positions (clinic_id, plan_id, seq, stage_key, started_on, dose_cut_pct, baseline_pain_nrs, source, set_by, created_at)
    select ${clinicId}::uuid, b.plan_id, 1,
           (${sql.raw(`array[${content.stages.slice(0, 2).map((s) => `'${s.key}'`).join(",")}]`)})[1 + b.h % 2],
           current_date - (14 + b.h % 22), 0, 2, 'publish', b.created_by, now() - interval '40 days'
      from bench_checkin_plans b`);
  await tx.execute(sql`
    update patients pt set current_stage = ${content.stages[0]!.title}
      from bench_checkin_plans b where pt.clinic_id = ${clinicId}::uuid and pt.id = b.patient_id`);
  await tx.execute(sql`
    insert into plan_links (clinic_id, plan_id, patient_id, token_hash, created_by, created_at, expires_at)
    select ${clinicId}::uuid, b.plan_id, b.patient_id, encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), b.created_by,
           now() - interval '45 days', now() + interval '45 days'
      from bench_checkin_plans b`);
  // Session n (1 = the newest) is n*2-1 days ago. Flare: the newest session of h % 10 = 3
  // patients; urgent: h % 100 = 7; amber sessions now and then; the newest morning unanswered
  // for h % 7 = 5.
  await tx.execute(sql`
    insert into check_ins (clinic_id, patient_id, plan_id, link_id, idempotency_key, session_date, activity, done, minutes, distance_km,
                           effort_rpe, pain_during_nrs, sharp_pain, altered_movement,
                           tingling_or_numbness_down_leg, saddle_numbness, bladder_or_bowel_change, both_legs, calf_swelling_redness_heat,
                           chest_pain_or_breathlessness, fever_or_unwell, note,
                           morning_pain_nrs, morning_compared_with_before, morning_stiffness_over_30_min, morning_idempotency_key, morning_at, created_at)
    select ${clinicId}::uuid, b.patient_id, b.plan_id, l.id, 'bench-' || b.h || '-' || n, d.day,
           case when n % 3 = 0 then 'strength' else 'run' end, 'as_planned', 25 + (b.h + n) % 20,
           case when n % 3 = 0 then null else 3 + ((b.h + n) % 30) / 10.0 end,
           4 + (b.h + n) % 3, f.pain, f.flare, false,
           false, f.urgent, false, false, false, false, false, null,
           case when f.open then null else 1 end,
           case when f.open then null when f.flare then 'worse' else 'same' end,
           case when f.open then null else false end,
           case when f.open then null else 'bench-m-' || b.h || '-' || n end,
           case when f.open then null else d.day + 1 + time '07:30' end,
           d.day + time '18:00'
      from bench_checkin_plans b
      join plan_links l on l.clinic_id = ${clinicId}::uuid and l.plan_id = b.plan_id
      cross join generate_series(1, ${perPatient}) n
      cross join lateral (select current_date - (n * 2 - 1) as day) d
      cross join lateral (select n = 1 and b.h % 10 = 3 as flare, n = 1 and b.h % 100 = 7 as urgent, n = 1 and b.h % 7 = 5 as open) f0
      cross join lateral (select f0.flare, f0.urgent, f0.open,
                                 case when f0.flare then 7 when (b.h + n) % 11 = 0 then 4 else 1 + (b.h + n) % 3 end as pain) f`);
  await tx.execute(sql`analyze check_ins`);
  await tx.execute(sql`analyze plan_positions`);
  const [n] = await rawRows<{ n: number }>(tx, sql`select count(*)::int as n from bench_checkin_plans`);
  return n?.n ?? 0;
}

/**
 * Runs the real review refresh (the one a check-in triggers) for every plan of the clinic that has
 * check-ins, `concurrency` at a time, so check_in_reviews and the patients' worklist columns are
 * what the app would have written. Returns how many plans and how long it took.
 */
export async function refreshLargeClinicReviews(db: Db, clinicId: string, opts: { concurrency?: number; clock?: Clock; onProgress?: (done: number, total: number) => void } = {}) {
  const t = performance.now();
  const ids = (await rawRows<{ plan_id: string }>(db, sql`select distinct plan_id from check_ins where clinic_id = ${clinicId}::uuid`)).map((r) => r.plan_id);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      await refreshPlanReview(db, clinicId, id, opts.clock ?? systemClock);
      done++;
      if (done % 1000 === 0) opts.onProgress?.(done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, worker));
  return { plans: ids.length, seconds: (performance.now() - t) / 1000 };
}
