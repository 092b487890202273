// Where each numbered rule of shared/clinical/rules.md (C1..P9) lives: a ruleset entry, a plan
// element, or both. A test checks that every id named here exists and that no rule is unmapped.

export type PlanElement = { id: string; rulesRefs: readonly string[]; where: string; description: string };

export const planElements: readonly PlanElement[] = [
  { id: "plan.effort_cap", rulesRefs: ["P1"], where: "plan/build-plan.ts", description: "Reduced stages cap effort at RPE 3-4 and set intensityAllowed false (no intervals, hills or progression runs)." },
  { id: "plan.pain_traffic_light", rulesRefs: ["P2", "P8"], where: "plan/guidance.ts painRules", description: "Green ≤ 3/10 (painGreenMax) and no worse next morning; amber 4-5/10 or a steady moderate ache; red > 5/10 (painAcceptableMax), sharp, or worse next morning (24-hour rule). The same settings the check-in review reads; progress criteria name the green sessions it needs (progressGreenSessions)." },
  { id: "plan.volume_drop", rulesRefs: ["P3"], where: "plan/build-plan.ts", description: "First reduced stage: running 60-80 % of usual, also on a flare (acute, high irritability, pain > 5 in a session or a test, sharp, next-day worse, altered movement), then at RPE 3; a flare cuts the stage's dose by another 10-20 % (flareCutPct) inside the stage, and a flare at an already cut dose steps back a stage (the first stage cuts again), as the check-in review applies it; long run shortened with the volume. A refer hold stage sits at 50-70 % while the review is pending." },
  { id: "plan.long_run_guard", rulesRefs: ["P3"], where: "plan/build-plan.ts", description: "longRunKmMax never above 1.1 × the longest run of the last 30 days (Frandsen 2025)." },
  { id: "plan.cross_training", rulesRefs: ["P4", "B2"], where: "plan/guidance.ts crossTraining", description: "Reduced stages swap 1-2 runs a week for bike, incline walk, elliptical or deep-water running, 20-40 min; swimming and gentle mobility for the back." },
  { id: "plan.form_cues", rulesRefs: ["P5"], where: "plan/guidance.ts advice", description: "Runners with back pain: slightly shorter stride, cadence up a few percent, easy on downhills." },
  { id: "plan.warm_up", rulesRefs: ["P6"], where: "plan/guidance.ts advice", description: "Runners with back pain: 5-6 minute warm-up (breathing, hip-flexor opener, slow bridges, marching)." },
  { id: "plan.strength_back", rulesRefs: ["P7"], where: "plan/strength.ts; plan/guidance.ts advice", description: "Lumbar: split squats, step-ups, sled push, light goblet squat, side plank, suitcase carry; heavy deadlifts and high-volume hinging paused." },
  { id: "plan.seek_care", rulesRefs: ["P9"], where: "plan/guidance.ts seekCareIf", description: "Seek care if worse week to week, leg symptoms with tingling or numbness, no tolerable dose, or any red-flag sign." },
  { id: "plan.calf_strength", rulesRefs: ["C1"], where: "plan/strength.ts", description: "Calf raises whenever the calf raise tests short or a runner has a knee or lower-leg complaint, with the target and the ±6-rep retest note." },
  { id: "plan.acute_reload", rulesRefs: ["A1"], where: "plan/build-plan.ts", description: "Acute protective state: a 'calm' first stage at RPE 3, then controlled reloading stages." },
  { id: "plan.gradual_rebuild", rulesRefs: ["L1", "L2"], where: "plan/build-plan.ts; plan/guidance.ts advice", description: "After a load spike: reduce, then rebuild in steps of about 10 % a week, keeping any two-week rise under 30 %." },
  { id: "plan.recovery_advice", rulesRefs: ["R1", "S3"], where: "plan/guidance.ts advice", description: "Sleep 8 h+, enough food and water, stress managed; extras (sauna, cold plunge, supplements) do not replace them. Only where unmet." },
  { id: "plan.active_recovery", rulesRefs: ["B2"], where: "plan/guidance.ts advice", description: "Back pain: complete rest only for a day or two, then gentle movement." },
  { id: "plan.deload", rulesRefs: ["F4", "F5"], where: "plan/guidance.ts deloadEveryWeeks", description: "Every plan schedules a lighter week every 4-6 weeks: 4-5 for advanced or elite athletes, 5-6 for beginners; load.deload_overdue uses the same cadence (cadence.ts)." },
  { id: "plan.training_age_advice", rulesRefs: ["F5"], where: "plan/guidance.ts advice", description: "Beginners: bias to consistency. Advanced: manage fatigue actively, keep a log." },
  { id: "plan.easy_runs_back", rulesRefs: ["P1"], where: "plan/build-plan.ts", description: "A runner with a back complaint starts even a push plan with one week of easy, conversational runs (RPE 4, no intensity) before intervals or hills return." },
  { id: "plan.reload_stage", rulesRefs: ["A1", "L1"], where: "plan/build-plan.ts", description: "Modify and back_off plans climb back in steps of at most 2 RPE: a reload stage (90-100 %, RPE 7, one harder session a week) comes before full training." },
  { id: "plan.pause_until_cleared", rulesRefs: ["P9"], where: "plan/build-plan.ts; plan/guidance.ts advice (reference.md refer tier)", description: "Refer for fever, significant trauma or a possible fragility fracture: one stage with pauseUntilCleared, no running, hours, strength or intensity, walking as tolerated, what to do meanwhile; it progresses only when a doctor clears the patient (reference.md)." },
  { id: "plan.push_stage", rulesRefs: ["F3"], where: "plan/build-plan.ts", description: "A push verdict gets a single 'keep training' stage with intensity allowed and the planned deload." },
];

export type TraceEntry = { ref: string; gist: string; ruleIds: readonly string[]; planElementIds: readonly string[] };

export const traceability: readonly TraceEntry[] = [
  { ref: "C1", gist: "Capacity below the sport's demand", ruleIds: ["capacity.calf_raise_below_target", "capacity.test_below_target"], planElementIds: ["plan.calf_strength"] },
  { ref: "A1", gist: "Acute, protective, highly sensitive state", ruleIds: ["acute.protective_state", "acute.recent_onset"], planElementIds: ["plan.acute_reload", "plan.reload_stage"] },
  { ref: "L1", gist: "Volume rose faster than recovery", ruleIds: ["load.hours_ratio_high", "load.hours_ratio_elevated", "load.run_km_ratio_high", "load.start_from_zero"], planElementIds: ["plan.gradual_rebuild"] },
  { ref: "L2", gist: "Signs of too much too soon", ruleIds: ["load.too_much_too_soon"], planElementIds: ["plan.gradual_rebuild"] },
  { ref: "R1", gist: "Recovery fundamentals first", ruleIds: ["recovery.fundamentals_unmet"], planElementIds: ["plan.recovery_advice"] },
  { ref: "F1", gist: "A pattern over days is a signal", ruleIds: ["fatigue.multi_day_pattern"], planElementIds: [] },
  { ref: "F2", gist: "Overreaching signs; several → reduce", ruleIds: ["fatigue.overreaching_signs"], planElementIds: [] },
  { ref: "F3", gist: "Session-specific, motivational reluctance → push", ruleIds: ["fatigue.session_specific_push"], planElementIds: ["plan.push_stage"] },
  { ref: "F4", gist: "Planned deload every 4-6 weeks", ruleIds: ["load.deload_overdue"], planElementIds: ["plan.deload"] },
  { ref: "F5", gist: "Beginners push more; advanced manage fatigue", ruleIds: [], planElementIds: ["plan.deload", "plan.training_age_advice"] },
  { ref: "B1", gist: "Doing more without recovery worsens back pain", ruleIds: ["recovery.back_pain_with_poor_recovery"], planElementIds: [] },
  { ref: "B2", gist: "Short rest only; active recovery", ruleIds: [], planElementIds: ["plan.active_recovery", "plan.cross_training"] },
  { ref: "B3", gist: "Recovery done well, pain keeps returning → assess", ruleIds: ["symptoms.back_pain_returning_despite_recovery"], planElementIds: [] },
  { ref: "S1", gist: "Soreness > 48 h or joint pain run to run", ruleIds: ["symptoms.soreness_over_48h", "fatigue.overreaching_signs"], planElementIds: [] },
  { ref: "S2", gist: "Performance falling despite effort", ruleIds: ["fatigue.overreaching_signs", "load.too_much_too_soon"], planElementIds: [] },
  { ref: "S3", gist: "Mood, sleep, motivation changes", ruleIds: ["fatigue.overreaching_signs", "recovery.fundamentals_unmet"], planElementIds: ["plan.recovery_advice"] },
  { ref: "S4", gist: "Tightness that does not loosen", ruleIds: ["symptoms.stiffness_not_easing"], planElementIds: [] },
  { ref: "S5", gist: "Altered running form", ruleIds: ["symptoms.altered_movement"], planElementIds: [] },
  { ref: "P1", gist: "Cut effort first: easy only", ruleIds: [], planElementIds: ["plan.effort_cap", "plan.easy_runs_back"] },
  { ref: "P2", gist: "24-hour rule", ruleIds: ["symptoms.next_day_worse"], planElementIds: ["plan.pain_traffic_light"] },
  { ref: "P3", gist: "Drop volume 60-80 %, shorten long run; again on a flare", ruleIds: [], planElementIds: ["plan.volume_drop", "plan.long_run_guard"] },
  { ref: "P4", gist: "Low-impact swaps", ruleIds: [], planElementIds: ["plan.cross_training"] },
  { ref: "P5", gist: "Shorter stride, cadence up", ruleIds: [], planElementIds: ["plan.form_cues"] },
  { ref: "P6", gist: "Short warm-up", ruleIds: [], planElementIds: ["plan.warm_up"] },
  { ref: "P7", gist: "Pause heavy hinging; stable strength work", ruleIds: [], planElementIds: ["plan.strength_back"] },
  { ref: "P8", gist: "Decide each run by pain", ruleIds: ["symptoms.activity_pain_green", "symptoms.activity_pain_acceptable", "symptoms.activity_pain_too_high", "symptoms.sharp_pain", "symptoms.complaint_not_cleared", "capacity.test_painful"], planElementIds: ["plan.pain_traffic_light"] },
  { ref: "P9", gist: "Get assessed: worse weekly, leg tingling, no tolerable dose", ruleIds: ["symptoms.worsening_trend", "neuro.radiating_with_tingling", "neuro.arm_symptoms_with_tingling", "neuro.single_neural_sign", "symptoms.no_tolerable_dose"], planElementIds: ["plan.seek_care", "plan.pause_until_cleared"] },
];

export const RULE_REFS = [
  "C1", "A1", "L1", "L2", "R1", "F1", "F2", "F3", "F4", "F5", "B1", "B2", "B3",
  "S1", "S2", "S3", "S4", "S5", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9",
] as const;
