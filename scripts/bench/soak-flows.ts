// What the soak's simulated people do, over HTTP through the app's own forms (scripts/http-client.ts):
// a clinician takes a new patient from the first form to a published plan; a patient logs a
// session on their link. Each step checks where the app sent them, so a wrong turn is an error,
// not a silently shorter run.
import { randomUUID } from "node:crypto";
import { formEntries, HttpClient, HttpError, parseForms, textOf, type Page } from "../http-client";

const expectAt = (p: Page, pattern: RegExp, step: string) => {
  if (p.status !== 200 || !pattern.test(p.url)) {
    const said = textOf(p.html).match(/[^.]*(attention|another look|went wrong|no longer|try again)[^.]*\./i)?.[0] ?? textOf(p.html).slice(0, 160);
    throw new HttpError(`${step}: expected ${pattern} but got ${p.status} ${p.url} — ${said}`);
  }
  return p;
};

/** The radio groups on a page (the red-flag screen asks every one). */
const radioGroups = (p: Page) => [...new Set(parseForms(p.html).flatMap((f) => f.controls.flatMap((c) => (c.kind === "check" && c.type === "radio" ? [c.name] : []))))];

/**
 * One patient from "Add patient" to a published plan (the runner-knee vignette: back off, a
 * staged plan). Returns the patient's link path (`/p/<token>`), shown once at publish.
 */
export async function clinicianWorkflow(c: HttpClient, n: number): Promise<string> {
  let p = await c.get("/patients/new");
  p = await c.submit(p, "Add patient", {
    firstName: "Soak",
    lastName: `Runner ${n}-${randomUUID().slice(0, 6)}`,
    dateOfBirth: "1991-03-14",
    sex: "female",
    sport: "running",
  });
  expectAt(p, /\/patients\/[0-9a-f-]{36}\?created=1$/, "add patient");
  p = expectAt(await c.submit(p, "New assessment"), /\/step\/1$/, "new assessment");
  p = await c.submit(p, "Save and continue", {
    level: "recreational",
    trainingAgeYears: "2",
    hoursPerWeekNow: "4",
    hoursPerWeekUsual: "4",
    runKmPerWeekNow: "30",
    runKmPerWeekUsual: "30",
    weeksSinceDeload: "3",
  });
  expectAt(p, /\/step\/2$/, "step 1 (load)");
  p = await c.submit(p, "Save and continue", {
    region: "knee",
    side: "left",
    onset: "gradual",
    daysSinceOnset: "42",
    aggravators: "running",
    painNowNrs: "2",
    painDuringActivityNrs: "5",
    nextDayResponse: "same",
    trend: "stable",
    sharpPain: "no",
  });
  expectAt(p, /\/step\/3$/, "step 2 (symptoms)");
  p = expectAt(await c.submit(p, "Save and continue", Object.fromEntries(radioGroups(p).map((g) => [g, "no"]))), /\/step\/4$/, "step 3 (red flags)");
  p = await c.submit(p, "Save and continue", { single_leg_calf_raise__left: "5", single_leg_calf_raise__right: "7" });
  expectAt(p, /\/step\/5$/, "step 4 (capacity)");
  p = expectAt(await c.submit(p, "Save and continue"), /\/step\/6$/, "step 5 (recovery)");
  p = expectAt(await c.submit(p, "Save and review"), /\/step\/7$/, "step 6 (outcomes)");
  p = expectAt(await c.submit(p, "Finalize assessment"), /\/step\/7\?confirm=1$/, "review");
  p = expectAt(await c.submit(p, "Yes, finalize assessment"), /\/assessments\/[0-9a-f-]{36}\?finalized=1$/, "finalize");
  p = expectAt(await c.submit(p, "Create plan"), /\/plans\/[0-9a-f-]{36}$/, "create plan");
  // Publishing goes through the plan page's script (a client-side wrapper picks the action), so
  // it is called as that script calls it.
  const form = parseForms(p.html).find((f) => f.buttons.some((b) => b.label === "Publish version 1"));
  if (!form) throw new HttpError(`plan page: no "Publish version 1" at ${p.url}`);
  const published = await c.callAction(p, "publish", formEntries(form, undefined).filter(([k]) => !k.startsWith("$")));
  const link = /link:(\/p\/[A-Za-z0-9_-]+)/.exec(published.body)?.[1];
  if (published.status !== 200 || !link) throw new HttpError(`publish: ${published.status} ${published.body.slice(-300)}`);
  // The caseload and the queue, as a clinician glances at them between patients.
  expectAt(await c.get("/patients"), /\/patients$/, "caseload");
  expectAt(await c.get("/reviews"), /\/reviews$/, "needs review");
  return link;
}

/**
 * Logs one session on the patient's link; `twice` submits the same form again (a double tap), which
 * must be answered as saved and stored once. Returns the idempotency key the app acknowledged.
 */
export async function patientCheckIn(c: HttpClient, link: string, twice: boolean): Promise<string> {
  const page = await c.get(link);
  if (page.status !== 200) throw new HttpError(`patient page: ${page.status} ${page.url}`);
  const form = parseForms(page.html).find((f) => f.buttons.some((b) => b.label === "Save this session"));
  const key = form?.controls.find((x) => x.name === "idempotencyKey");
  if (!form || key?.kind !== "field") throw new HttpError(`patient page: no session form at ${page.url}`);
  const fill = { activity: "run", done: "as_planned", minutes: "30", distance: "5", painDuringNrs: "2", effortRpe: "5", symptom_none: "on" };
  // Acknowledged: the app sent them back to their page, which says it saved the session.
  const acknowledged = (p: Page) => p.status === 200 && /\?saved=session#now$/.test(p.url) && textOf(p.html).includes("Saved. Thank you for logging your session.");
  const first = await c.submit(page, "Save this session", fill);
  if (!acknowledged(first)) throw new HttpError(`check-in: ${first.status} ${first.url} — ${textOf(first.html).slice(0, 200)}`);
  if (twice) {
    const again = await c.submit(page, "Save this session", fill);
    if (!acknowledged(again)) throw new HttpError(`double submit: ${again.status} ${again.url} — ${textOf(again.html).slice(0, 200)}`);
  }
  return key.value;
}
