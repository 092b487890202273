"use client";
import { useWatch } from "react-hook-form";
import { questionApplies, tinglingLabel, type FitContext } from "@/lib/assessments/question-fit";
import {
  FATIGUE,
  fatigueLabels,
  levelLabels,
  motivationLabels,
  nextDayLabels,
  onsetLabels,
  RECOVERY_YES_NO,
  RED_FLAG_GROUPS,
  regionLabels,
  sideLabels,
  sportLabels,
  stressLabels,
  SYMPTOM_ITEMS,
  trendLabels,
} from "@/lib/validation/assessment";
import { NumberField, Section, SelectField, TextAreaField, TextField, YesNoField } from "./fields";
import { NoToTheRest } from "./no-to-the-rest";
import type { StepFormApi } from "./use-step-form";

const grid = "grid gap-4 sm:grid-cols-2";

export function LoadFields({ api }: { api: StepFormApi }) {
  return (
    <>
      <Section title="Sport">
        <div className={grid}>
          <SelectField api={api} name="sport" label="Main sport" options={sportLabels} empty="Choose…" />
          <SelectField api={api} name="level" label="Level" options={levelLabels} />
          <NumberField api={api} name="trainingAgeYears" label="Years training in this sport" unit="years" />
          <TextField api={api} name="goal" label="Goal (optional)" hint="For example: a half marathon in 10 weeks." />
        </div>
      </Section>
      <Section title="Training load" description="This week compared with a usual week. Leave blank what the patient does not know.">
        <div className={grid}>
          <NumberField api={api} name="hoursPerWeekNow" label="Training hours this week" unit="h" />
          <NumberField api={api} name="hoursPerWeekUsual" label="Training hours in a usual week" unit="h" />
          <NumberField api={api} name="runKmPerWeekNow" label="Running distance this week" unit="km" />
          <NumberField api={api} name="runKmPerWeekUsual" label="Running distance in a usual week" unit="km" />
          <NumberField api={api} name="hardSessionsPerWeek" label="Hard sessions per week" />
          <NumberField api={api} name="longestRunKm30d" label="Longest run in the last 30 days" unit="km" />
          <NumberField api={api} name="weeksSinceDeload" label="Weeks since the last lighter week" unit="weeks" />
        </div>
      </Section>
    </>
  );
}

/**
 * The symptom checklist's questions that fit the region chosen above (issue 14): live as the
 * region changes, and from the saved region when the page is first rendered on the server.
 */
function useFittingSymptoms(api: StepFormApi, fit: FitContext) {
  const region = useWatch({ control: api.form.control, name: "region" }) as string | undefined;
  const ctx = { ...fit, region: region ?? fit.region };
  return SYMPTOM_ITEMS.filter(([k]) => questionApplies(k, ctx)).map(
    ([k, label]) => [k, k === "tinglingOrNumbness" ? tinglingLabel(ctx) : label] as const,
  );
}

export function ComplaintFields({ api, fit = {} }: { api: StepFormApi; fit?: FitContext }) {
  const symptoms = useFittingSymptoms(api, fit);
  return (
    <>
      <Section title="Complaint">
        <div className={grid}>
          <SelectField api={api} name="region" label="Region" options={regionLabels} empty="Choose…" />
          <SelectField api={api} name="side" label="Side" options={sideLabels} />
          <SelectField api={api} name="onset" label="Onset" options={onsetLabels} empty="Choose…" />
          <NumberField api={api} name="daysSinceOnset" label="Days since onset" unit="days" />
          <TextField api={api} name="mechanism" label="Mechanism (optional)" className="sm:col-span-2" />
        </div>
        <TextAreaField api={api} name="aggravators" label="Aggravating activities (optional)" hint="One per line, or separated by commas." rows={2} />
      </Section>
      <Section title="Pain and symptom behaviour" description="Pain on a 0-10 scale (0 = none, 10 = worst imaginable).">
        <div className="grid gap-4 sm:grid-cols-3">
          <NumberField api={api} name="painNowNrs" label="Pain now" unit="0-10" />
          <NumberField api={api} name="painWorst24hNrs" label="Worst pain in 24 h" unit="0-10" />
          <NumberField api={api} name="painDuringActivityNrs" label="Pain during activity" unit="0-10" />
        </div>
        <div className={grid}>
          <SelectField api={api} name="nextDayResponse" label="Next morning after training" options={nextDayLabels} />
          <SelectField api={api} name="trend" label="Trend over the last weeks" options={trendLabels} />
        </div>
      </Section>
      <Section title="Symptom checklist" description="Leave a question unanswered if it was not asked.">
        <div className="space-y-1">
          {symptoms.map(([k, label]) => (
            <YesNoField key={k} api={api} name={k} label={label} />
          ))}
        </div>
        <NoToTheRest api={api} names={symptoms.map(([k]) => k)} />
      </Section>
    </>
  );
}

export function RedFlagFields({ api }: { api: StepFormApi }) {
  return (
    <>
      <p className="text-sm text-slate-700">
        Ask every question and answer yes or no. An unanswered item is a gap in the screen, never a “no”: the assessment cannot be
        finalized, and no verdict is shown, until every question is answered or marked “Not asked”.
      </p>
      {/* Before the questions on purpose: the questions' radio groups then run straight into the
          step's buttons for keyboard users, and the reason is read before the choice it explains. */}
      <Section
        title="Questions you could not ask"
        description="Only when a question truly could not be asked (for example a phone triage): mark it “Not asked” below and give one reason here. The decision is then never better than “Modify”."
      >
        <TextAreaField api={api} name="notAskedReason" label="Why these questions were not asked" rows={2} />
      </Section>
      {RED_FLAG_GROUPS.map((g) => (
        <Section key={g.title} title={g.title}>
          <div className="space-y-1">
            {g.items.map(([k, label]) => (
              <YesNoField key={k} api={api} name={k} label={label} tone="flag" notAsked />
            ))}
          </div>
        </Section>
      ))}
    </>
  );
}

export function RecoveryFields({ api, fit = {} }: { api: StepFormApi; fit?: FitContext }) {
  // Lifting-fatigue questions only for sports that lift (the sport saved in step 1).
  const readiness = RECOVERY_YES_NO.slice(3).filter(([k]) => questionApplies(k, fit));
  return (
    <>
      <Section title="Recovery">
        <div className={grid}>
          <NumberField api={api} name="sleepHoursAvg" label="Average sleep per night" unit="h" />
          <SelectField api={api} name="lifeStress" label="Life stress" options={stressLabels} />
        </div>
        <div className="space-y-1">
          {RECOVERY_YES_NO.slice(0, 3).map(([k, label]) => (
            <YesNoField key={k} api={api} name={k} label={label} />
          ))}
        </div>
      </Section>
      <Section title="Resting heart rate" description="Morning resting heart rate compared with the patient's usual.">
        <div className="grid gap-4 sm:grid-cols-3">
          <NumberField api={api} name="restingHrBaseline" label="Usual resting HR" unit="bpm" />
          <NumberField api={api} name="restingHrNow" label="Resting HR now" unit="bpm" />
          <NumberField api={api} name="restingHrElevatedDays" label="Days it has been raised" unit="days" />
        </div>
      </Section>
      <Section title="Readiness and fatigue">
        <div className={grid}>
          <SelectField api={api} name="motivationLow" label="Low motivation to train" options={motivationLabels} />
          <SelectField api={api} name="fatiguePattern" label="Fatigue pattern" options={Object.fromEntries(FATIGUE.map((f) => [f, fatigueLabels[f]]))} />
        </div>
        <div className="space-y-1">
          {readiness.map(([k, label]) => (
            <YesNoField key={k} api={api} name={k} label={label} />
          ))}
        </div>
      </Section>
    </>
  );
}
