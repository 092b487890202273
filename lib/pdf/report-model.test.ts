import { describe, expect, it } from "vitest";
import { buildReportModel } from "./report-model";
import { samplePausedReportInput, sampleReportInput } from "./sample";

describe("report model", () => {
  const input = sampleReportInput();
  const model = buildReportModel(input);

  it("carries the header facts: clinic, patient, clinician, date, paper", () => {
    expect(model).toMatchObject({
      clinicName: "Harbour Sports Physio",
      patientName: "Alex Example",
      clinicianName: "Sam Clinician",
      dateText: "14 May 2026",
      paperSize: "A4",
      draft: false,
    });
    expect(model.footer).toContain(`ruleset ${input.rulesetVersion}`);
    expect(model.footer).toContain("plan version 2");
  });

  it("states the verdict in plain words, never the engine's code", () => {
    expect(input.verdict).toBe("back_off");
    expect(model.verdict.label).toBe("Back off for now, then rebuild");
    expect(JSON.stringify(model)).not.toContain("back_off");
  });

  it("says what to do this week from the first stage", () => {
    const first = input.content.stages[0]!;
    expect(model.thisWeek[0]).toBe(`Start Stage 1: ${first.title}.`);
    expect(model.thisWeek.join(" ")).toContain(`at or below ${first.maxEffortRpe} out of 10`);
    expect(model.thisWeek.join(" ")).toContain("No intervals, hills or races");
  });

  it("numbers every stage with weeks, volume, effort and intensity, and keeps its exercises in order", () => {
    expect(model.stages).toHaveLength(input.content.stages.length);
    model.stages.forEach((s, i) => {
      const src = input.content.stages[i]!;
      expect(s.heading).toBe(`Stage ${i + 1}: ${src.title}`);
      const facts = Object.fromEntries(s.facts.map((f) => [f.label, f.value]));
      expect(facts["How long"]).toMatch(/week/);
      expect(facts["How hard"]).toContain(`Up to ${src.maxEffortRpe} out of 10`);
      expect(facts["Hard sessions"]).toMatch(src.intensityAllowed ? /^Allowed/ : /^None/);
      expect(s.strength.map((x) => x.exercise)).toEqual(src.strength.map((x) => x.exercise));
      expect(s.strength.map((x) => x.sets)).toEqual(src.strength.map((x) => String(x.sets)));
      expect(s.moveOn).toEqual(src.progressWhen);
      expect(s.stepBack).toEqual(src.regressWhen);
    });
    expect(model.stages[0]!.strength[0]!.howTo).toBeTruthy();
  });

  it("shows distances in the clinic's unit", () => {
    const km = model.stages[0]!.facts.find((f) => f.label === "Longest run")!.value;
    const mi = buildReportModel({ ...input, units: "mi" }).stages[0]!.facts.find((f) => f.label === "Longest run")!.value;
    const kmValue = Number(/([\d.]+) km/.exec(km)![1]);
    const miValue = Number(/([\d.]+) mi/.exec(mi)![1]);
    expect(miValue).toBeCloseTo(kmValue / 1.609344, 1);
  });

  it("keeps the pain traffic light in order with words for each light, plus the 24-hour rule and seek-care list", () => {
    expect(model.painRules.map((p) => p.label)).toEqual(["GREEN: carry on", "AMBER: ease off", "RED: stop"]);
    expect(model.rule24h).toMatch(/next morning/);
    expect(model.seekCare.length).toBeGreaterThan(3);
    expect(model.deload).toMatch(/^Every \d+-\d+ weeks/);
  });

  it("prints the link when known, and says how to get it when not", () => {
    expect(model.link).toBe(input.link);
    const noLink = buildReportModel({ ...input, link: null });
    expect(noLink.link).toBeNull();
    expect(noLink.linkText).toMatch(/private link/);
  });

  it("marks an unpublished version as a draft and uses the Letter size when the clinic asks", () => {
    const m = buildReportModel({ ...input, published: false, paperSize: "LETTER" });
    expect(m.draft).toBe(true);
    expect(m.paperSize).toBe("LETTER");
  });

  it("includes the clinician's notes and drops blank ones", () => {
    const content = structuredClone(input.content);
    content.stages[1]!.notes = "  Run on grass where you can.  ";
    content.stages[0]!.notes = "   ";
    const m = buildReportModel({ ...input, content });
    expect(m.stages[1]!.notes).toBe("Run on grass where you can.");
    expect(m.stages[0]!.notes).toBeNull();
    expect(m.notes).toBe("Call the clinic if anything is unclear.");
  });

  it("refuses an urgent referral, which has no plan", () => {
    expect(() => buildReportModel({ ...input, verdict: "urgent_referral" })).toThrow();
  });
});

describe("report model of a paused plan (refer for fever: no loading until a doctor has seen the patient)", () => {
  const input = samplePausedReportInput();
  const model = buildReportModel(input);
  const stage = model.stages[0]!;

  it("says plainly that there is no training, the doctor comes first, and what to do meanwhile", () => {
    expect(input.content.stages.map((s) => s.pauseUntilCleared)).toEqual([true]);
    expect(stage.paused).toBe("No training for now: see your doctor first. Meanwhile: gentle walking as tolerated: short and easy, and stop if it makes you feel worse.");
    expect(model.thisWeek[0]).toBe(stage.paused);
    expect(model.verdict.label).toBe("Pause training, and see a doctor");
    expect(model.verdict.summary).not.toMatch(/keep training/i);
  });

  it("prints no empty settings: no weeks, volume, effort, hard sessions, swaps or exercises", () => {
    expect(stage.facts).toEqual([]);
    expect(stage.swaps).toEqual([]);
    expect(stage.strength).toEqual([]);
    const words = JSON.stringify({ thisWeek: model.thisWeek, stage });
    for (const w of ["of your usual", "out of 10 for effort", "intervals", "strength exercise", "Start Stage 1"]) expect(words).not.toContain(w);
    expect(model.deload).not.toMatch(/^Every/);
  });

  it("keeps the clinician's walking guidance and note", () => {
    const content = structuredClone(input.content);
    content.stages[0]!.crossTraining = ["Walk 10-15 minutes on the flat, once or twice a day."];
    content.stages[0]!.notes = "Bring your temperature log to the GP.";
    const m = buildReportModel({ ...input, content });
    expect(m.stages[0]!.paused).toBe("No training for now: see your doctor first. Meanwhile: walk 10-15 minutes on the flat, once or twice a day.");
    expect(m.stages[0]!.notes).toBe("Bring your temperature log to the GP.");
  });
});

describe("how much, as amounts of the patient's own usual week", () => {
  // The sample runner's stages: 60-80, 70-90, 90-100 and 100-110 % of the usual week.
  const input = sampleReportInput();
  const howMuch = (m: ReturnType<typeof buildReportModel>, i = 0) => m.stages[i]!.facts.find((f) => f.label === "How much")!.value;

  it("puts km and hours and minutes beside the percentage when the assessment recorded the usual week", () => {
    const m = buildReportModel({ ...input, usualWeek: { runKm: 60, hours: 7 } });
    expect(howMuch(m)).toBe("60-80 % of your usual week: about 36–48 km of running and 4 h 10 min to 5 h 35 min of training in all");
    expect(m.thisWeek).toContain(`Train at ${howMuch(m)}.`);
    expect(howMuch(m, 3)).toBe("100-110 % of your usual week: about 60–66 km of running and 7 h to 7 h 40 min of training in all");
  });

  it("in miles when the clinic uses miles", () => {
    const m = buildReportModel({ ...input, units: "mi", usualWeek: { runKm: 60, hours: 7 } });
    expect(howMuch(m)).toBe("60-80 % of your usual week: about 22–30 mi of running and 4 h 10 min to 5 h 35 min of training in all");
  });

  it("with only one of the two known, says that one and no made-up other", () => {
    expect(howMuch(buildReportModel({ ...input, usualWeek: { runKm: 60 } }))).toBe(
      "60-80 % of your usual week: about 36–48 km of running, and the same share of any other training",
    );
    expect(howMuch(buildReportModel({ ...input, usualWeek: { hours: 7 } }))).toBe("60-80 % of your usual running and training time: about 4 h 10 min to 5 h 35 min a week");
  });

  it("keeps the percentage alone, in plain words, when the usual week is unknown", () => {
    for (const usualWeek of [null, undefined, {}]) {
      const v = howMuch(buildReportModel({ ...input, usualWeek }));
      expect(v).toBe("60-80 % of your usual running and training time (what you do in an ordinary week)");
      expect(v).not.toMatch(/\d+ (km|mi|h|min)\b/);
    }
  });

  it("a stage without running gives training time only, never a distance", () => {
    const content = structuredClone(input.content);
    for (const s of content.stages) delete s.runVolumePct;
    const v = howMuch(buildReportModel({ ...input, content, usualWeek: { runKm: 60, hours: 7 } }));
    expect(v).toBe("60-80 % of your usual training time: about 4 h 10 min to 5 h 35 min a week");
  });

  it("a stage set to none says so instead of 'about 0 km'", () => {
    const content = structuredClone(input.content);
    content.stages[0]!.trainingHoursPct = { min: 0, max: 0 };
    content.stages[0]!.runVolumePct = { min: 0, max: 0 };
    const m = buildReportModel({ ...input, content, usualWeek: { runKm: 60, hours: 7 } });
    expect(howMuch(m)).toBe("No running or training for now");
    expect(m.thisWeek).toContain("No running or training for now.");
  });
});
