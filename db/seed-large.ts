import "server-only";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./client";
import { clinics, users } from "./schema";
import { DEMO_PASSWORD } from "./seed-data";

export type LargeSeedOptions = { patients: number; assessmentsPerPatient: number; clinicians: number; clinicName?: string };
export const LARGE_DEFAULTS: LargeSeedOptions = { patients: 50_000, assessmentsPerPatient: 5, clinicians: 20 };

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
             case when g % 20 = 0 then 'discharged' else 'active' end::patient_status
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

    return { clinicId, adminId, adminEmail: `admin-${stamp}@large.loadwise.test`, clinicianIds, name };
  });
}
