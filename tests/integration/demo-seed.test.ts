import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { auditEvents, checkInReviews, checkIns, clinics, patients, planLinks, planPositions, plans, planVersions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { seedDemoHistory } from "@/db/seed-demo-history";
import type { Actor } from "@/lib/auth/actor";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { refreshPatientReviews } from "@/lib/reviews/refresh-review";
import { clinicToday, fixedClock, systemClock, type Clock } from "@/lib/time/clock";

// The demo clinic `npm start` seeds (db/seed.ts, db/seed-demo-history.ts): weeks of check-ins made
// through the patients' links with a clock, so "Needs review" opens on an urgent report, a flare
// and a patient ready to progress. The seed looks clinics up by name, so this file always uses its
// own in-memory PGlite (never a shared TEST_DATABASE_URL, where another run's demo clinic would
// make the seed a no-op).

async function demoFacts(db: Awaited<ReturnType<typeof openDatabase>>["db"]) {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.name, "Loadwise Demo Clinic"));
  const [pt] = await db.select().from(users).where(eq(users.email, "pt@demo.loadwise.test"));
  const actor: Actor = { clinicId: clinic!.id, userId: pt!.id, role: pt!.role, name: pt!.name, email: pt!.email, sessionId: "s", ip: null, userAgent: "vitest" };
  return { clinic: clinic!, actor };
}

const counts = async (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => {
  const n = async (t: typeof checkIns | typeof checkInReviews | typeof plans | typeof planVersions | typeof planLinks | typeof auditEvents) =>
    (await db.select({ n: count() }).from(t))[0]!.n;
  return { checkIns: await n(checkIns), reviews: await n(checkInReviews), plans: await n(plans), versions: await n(planVersions), links: await n(planLinks), audit: await n(auditEvents) };
};

for (const [title, clock] of [
  ["seeded today (the real clock)", systemClock],
  // The day British clocks go forward: the 07:30 and 18:00 check-ins still land on their own days.
  ["seeded on a daylight-saving change", fixedClock("2027-03-30T21:00:00Z")],
] as Array<[string, Clock]>) {
  describe(`demo seed, ${title}`, () => {
    let handle: Awaited<ReturnType<typeof openDatabase>>;
    beforeAll(async () => {
      handle = await openDatabase({});
      await seedDemo(handle.db);
      expect(await seedDemoHistory(handle.db, undefined, clock)).toBe(6);
    });
    afterAll(() => handle.close());

    it("'Needs review' opens on the urgent report, then the flare, then the patient ready to progress", async () => {
      const { actor } = await demoFacts(handle.db);
      const queue = await listReviewQueue(handle.db, actor, { scope: "mine" });
      expect(queue.items.map((i) => [i.patient.lastName, i.review.suggestion])).toEqual([
        ["Brennan", "urgent_care"],
        ["Carvalho", "regress"],
        ["Lindqvist", "progress"],
      ]);
      const [urgent, flare, ready] = queue.items;
      expect(urgent!.checkIns[0]!.saddleNumbness).toBe(true);
      expect(flare!.review.nextDoseCutPct).toBe(20);
      expect(flare!.checkIns.some((c) => c.painDuringNrs === 7 && c.sharpPain === true && c.morningComparedWithBefore === "worse")).toBe(true);
      expect(ready!.review.nextStageKey).toBe(ready!.stages[2]!.key);
      // Each waits since the check-in that raised it, in the past.
      for (const i of queue.items) expect(i.review.createdAt.getTime()).toBeLessThan(clock.now().getTime());
    });

    it("each of the three has weeks of check-ins, all through the patient's link and in the past, and an approved stage change", async () => {
      const { clinic } = await demoFacts(handle.db);
      const now = clock.now().getTime();
      const today = clinicToday(clock, "Europe/London");
      for (const lastName of ["Lindqvist", "Carvalho", "Brennan"]) {
        const [p] = await handle.db.select().from(patients).where(and(eq(patients.clinicId, clinic.id), eq(patients.lastName, lastName)));
        const [plan] = await handle.db.select().from(plans).where(eq(plans.patientId, p!.id));
        expect(plan!.publishedVersion).toBe(2);
        expect(plan!.publishedAt!.getTime()).toBeLessThan(now);
        const rows = await handle.db.select().from(checkIns).where(eq(checkIns.planId, plan!.id));
        expect(rows.length).toBeGreaterThanOrEqual(8);
        const [link] = await handle.db.select().from(planLinks).where(eq(planLinks.planId, plan!.id));
        for (const r of rows) {
          expect(r.linkId).toBe(link!.id);
          expect(r.enteredBy).toBeNull();
          expect(r.createdAt.getTime()).toBeLessThan(now);
          expect(r.createdAt.getTime()).toBeGreaterThan(link!.createdAt.getTime());
          expect(r.sessionDate < today).toBe(true);
          if (r.morningAt) expect(r.morningAt.getTime()).toBeLessThan(now);
        }
        const days = rows.map((r) => r.sessionDate).sort();
        expect((Date.parse(days.at(-1)!) - Date.parse(days[0]!)) / 86_400_000).toBeGreaterThanOrEqual(14);
        const positions = await handle.db.select().from(planPositions).where(eq(planPositions.planId, plan!.id)).orderBy(planPositions.seq);
        expect(positions.map((x) => x.source)).toEqual(["publish", "review"]);
        expect(positions[1]!.stageKey).not.toBe(positions[0]!.stageKey);
        const [v2] = await handle.db.select().from(planVersions).where(and(eq(planVersions.planId, plan!.id), eq(planVersions.version, 2)));
        expect(v2!.change).toMatchObject({ decision: "approved", suggestion: "progress" });
        const approved = await handle.db.select().from(checkInReviews).where(and(eq(checkInReviews.planId, plan!.id), eq(checkInReviews.status, "approved")));
        expect(approved).toHaveLength(1);
        expect(approved[0]!.decidedAt!.getTime()).toBeLessThan(now);
      }
      // The clinic's other demo patients have check-ins from no one.
      const [{ n }] = (await handle.db.select({ n: sql<number>`count(distinct ${checkIns.patientId})::int` }).from(checkIns).where(eq(checkIns.clinicId, clinic.id))) as [{ n: number }];
      expect(n).toBe(3);
    });

    it("opening the patients on the seed's today keeps the same suggestions (the demo is not stale on arrival)", async () => {
      const { clinic } = await demoFacts(handle.db);
      const mine = await handle.db.select().from(patients).where(and(eq(patients.clinicId, clinic.id), sql`${patients.reviewSuggestion} is not null`));
      expect(mine.map((p) => [p.lastName, p.reviewSuggestion]).sort()).toEqual([["Brennan", "urgent_care"], ["Carvalho", "regress"], ["Lindqvist", "progress"]]);
      for (const p of mine) {
        const before = (await handle.db.select().from(checkInReviews).where(and(eq(checkInReviews.patientId, p.id), eq(checkInReviews.status, "pending"))))[0]!;
        const after = await refreshPatientReviews(handle.db, clinic.id, p.id, clock);
        expect(after!.id).toBe(before.id);
      }
    });

    it("running the seed again adds nothing", async () => {
      const before = await counts(handle.db);
      expect((await seedDemo(handle.db)).created).toEqual([]);
      expect(await seedDemoHistory(handle.db, undefined, clock)).toBe(0);
      expect(await counts(handle.db)).toEqual(before);
    });
  });
}
