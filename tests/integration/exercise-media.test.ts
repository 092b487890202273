import { and, count, eq, like } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, exerciseMedia } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";
import { elfBytes, jpegWithGps, png, pngBomb } from "../support/test-images";
import { seedFinalAssessment } from "./plan-support";

// The clinic's own exercise photos end to end through the action and both routes (issue 18,
// ADR 0028): what is stored has no metadata, refusals store nothing, and no clinic sees another's.
const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test" }) }));

const { saveExerciseMediaAction, removeExerciseMediaAction } = await import("@/app/(clinic)/exercise-photos/actions");
const { GET: clinicianGET } = await import("@/app/api/exercise-media/[sha256]/route");
const { GET: patientGET } = await import("@/app/p/[token]/media/[sha256]/route");
const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { revokePatientLink } = await import("@/lib/plans/revoke-patient-link");
const { photosForExercises, clinicianMediaUrl, patientMediaUrl } = await import("@/lib/exercise-media/photos-for-plan");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const EX = "Split squat";

async function staff(role: "clinician" | "admin" = "clinician") {
  const clinic = await makeClinic(handle.db);
  return actorFor(await makeUser(handle.db, clinic.id, { role }));
}

function upload(o: { exerciseName?: string; version?: string; alt?: string; videoUrl?: string; file?: { bytes: Uint8Array; name: string; type: string } }) {
  const fd = new FormData();
  fd.append("exerciseName", o.exerciseName ?? EX);
  fd.append("version", o.version ?? "");
  fd.append("alt", o.alt ?? "");
  fd.append("videoUrl", o.videoUrl ?? "");
  if (o.file) fd.append("photo", new File([new Uint8Array(o.file.bytes)], o.file.name, { type: o.file.type }));
  return saveExerciseMediaAction(null, fd);
}
const jpg = (bytes: Uint8Array, name = "photo.jpg") => ({ bytes, name, type: "image/jpeg" });

async function rowsOf(clinicId: string) {
  return handle.db.select().from(exerciseMedia).where(eq(exerciseMedia.clinicId, clinicId));
}
async function mediaEvents(clinicId: string) {
  return handle.db
    .select({ action: auditEvents.action, detail: auditEvents.detail, actorUserId: auditEvents.actorUserId })
    .from(auditEvents)
    .where(and(eq(auditEvents.clinicId, clinicId), like(auditEvents.action, "exercise_media.%")))
    .orderBy(auditEvents.id);
}

const asClinician = (actor: Actor, sha: string, h: Record<string, string> = {}) => {
  current.actor = actor;
  return clinicianGET(new Request(`http://app.test${clinicianMediaUrl(sha)}`, { headers: h }), { params: Promise.resolve({ sha256: sha }) });
};
const asPatient = (token: string, sha: string, h: Record<string, string> = {}) =>
  patientGET(new Request(`http://app.test${patientMediaUrl(token, sha)}`, { headers: h }), { params: Promise.resolve({ token, sha256: sha }) });

async function publishedLinkIn(actor: Actor) {
  const s = await seedFinalAssessment(handle.db, "runner-knee-weak-calves", {
    into: { clinic: { id: actor.clinicId } as never, user: { id: actor.userId, clinicId: actor.clinicId, role: actor.role, name: actor.name, email: actor.email } as never },
  });
  const { plan } = await createPlan(handle.db, s.actor, s);
  const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 });
  return { token: r.link!.path.slice(3), patientId: s.patientId, planId: plan.id, actor: s.actor };
}

describe("uploading an exercise photo", () => {
  it("stores a resized JPEG without GPS or camera details, audited, and loads it for a plan", async () => {
    const actor = await staff();
    current.actor = actor;
    const r = await upload({ alt: "Split squat, side view", videoUrl: "https://videos.example.com/split-squat", file: jpg(await jpegWithGps()) });
    expect(r).toMatchObject({ ok: true, message: "Photo saved.", values: { version: "1" } });
    const [row] = await rowsOf(actor.clinicId);
    expect(row).toMatchObject({ exerciseName: EX, contentType: "image/jpeg", width: 1200, height: 900, alt: "Split squat, side view", videoUrl: "https://videos.example.com/split-squat", version: 1 });
    const meta = await sharp(row!.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(row!.bytes.includes(Buffer.from("TestPhone"))).toBe(false);

    const photos = await photosForExercises(handle.db, actor.clinicId, [EX, "Step-up", EX]);
    expect([...photos.keys()]).toEqual([EX]);
    const p = photos.get(EX)!;
    expect(p).toMatchObject({ sha256: row!.sha256, etag: `"${row!.sha256}"`, width: 1200, height: 900, videoUrl: "https://videos.example.com/split-squat", contentType: "image/jpeg" });
    expect(p.bytes.equals(row!.bytes)).toBe(true);

    const events = await mediaEvents(actor.clinicId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "exercise_media.upload", actorUserId: actor.userId, detail: { exerciseName: EX, sha256: row!.sha256 } });
  });

  it("refuses a renamed program, an oversized file, a decompression bomb, a text file and a tiny image, storing nothing", async () => {
    const actor = await staff("admin");
    current.actor = actor;
    const big = new Uint8Array(8 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const cases: [string, { bytes: Uint8Array; name: string; type: string }, RegExp][] = [
      ["ELF named .jpg", jpg(elfBytes(), "squat.jpg"), /is a program, not a photo/],
      ["over 8 MB", jpg(big), /larger than 8 MB/],
      ["30000 × 30000 PNG", { bytes: pngBomb(), name: "bomb.png", type: "image/png" }, /too large in pixels/],
      ["text named .png", { bytes: Buffer.from("sets,reps\n3,10\n"), name: "notes.png", type: "image/png" }, /not a JPEG, PNG or WebP/],
      ["50 × 50", { bytes: await png(50, 50), name: "tiny.png", type: "image/png" }, /too small/],
    ];
    for (const [label, file, message] of cases) {
      const r = await upload({ file });
      expect(r?.ok, label).toBe(false);
      expect(r?.fieldErrors?.photo?.[0], label).toMatch(message);
    }
    const noFile = await upload({});
    expect(noFile?.fieldErrors?.photo?.[0]).toBe("Choose a photo to upload.");
    const [{ n }] = (await handle.db.select({ n: count() }).from(exerciseMedia).where(eq(exerciseMedia.clinicId, actor.clinicId))) as [{ n: number }];
    expect(n).toBe(0);
    expect(await mediaEvents(actor.clinicId)).toHaveLength(0);
  });

  it("refuses a video link that is not https, and an exercise outside the library, beside the field", async () => {
    const actor = await staff();
    current.actor = actor;
    const bad = await upload({ videoUrl: "javascript:alert(1)", file: jpg(await png(400, 400)) });
    expect(bad?.fieldErrors?.videoUrl?.[0]).toMatch(/https:\/\//);
    const unknown = await upload({ exerciseName: "Mystery move", file: jpg(await png(400, 400)) });
    expect(unknown?.fieldErrors?.exerciseName?.[0]).toMatch(/not in the library/);
    expect(await rowsOf(actor.clinicId)).toHaveLength(0);
  });

  it("replaces under the version shown: a second replace from a stale page is a conflict; removal is audited", async () => {
    const actor = await staff();
    current.actor = actor;
    await upload({ file: jpg(await png(400, 300)) });
    const [first] = await rowsOf(actor.clinicId);
    const a = await upload({ version: "1", file: jpg(await png(600, 300)) });
    expect(a).toMatchObject({ ok: true, message: "Photo replaced.", values: { version: "2" } });
    const stale = await upload({ version: "1", file: jpg(await png(300, 600)) });
    expect(stale).toMatchObject({ ok: false });
    expect(stale?.formError).toMatch(/Someone else changed/);
    const firstUpload = await upload({ file: jpg(await png(300, 300)) }); // "upload" over an existing one
    expect(firstUpload?.formError).toMatch(/Someone else changed/);
    const [second] = await rowsOf(actor.clinicId);
    expect([second!.width, second!.version]).toEqual([600, 2]);
    expect(second!.sha256).not.toBe(first!.sha256);
    // The old address is gone with the old bytes; the new one serves.
    expect((await asClinician(actor, first!.sha256)).status).toBe(404);
    expect((await asClinician(actor, second!.sha256)).status).toBe(200);

    const details = await upload({ version: "2", alt: "New words", videoUrl: "" });
    expect(details).toMatchObject({ ok: true, message: "Details saved." });
    current.actor = actor;
    const fd = (v: string) => {
      const f = new FormData();
      f.append("exerciseName", EX);
      f.append("version", v);
      return f;
    };
    expect((await removeExerciseMediaAction(null, fd("2")))?.formError).toMatch(/Someone else changed/);
    expect(await removeExerciseMediaAction(null, fd("3"))).toMatchObject({ ok: true });
    expect(await rowsOf(actor.clinicId)).toHaveLength(0);
    expect((await mediaEvents(actor.clinicId)).map((e) => e.action)).toEqual(["exercise_media.upload", "exercise_media.replace", "exercise_media.update", "exercise_media.remove"]);
  });
});

describe("serving exercise photos", () => {
  it("serves the clinic's staff with a strong ETag, a year's cache and 304; another clinic gets 404", async () => {
    const actor = await staff();
    current.actor = actor;
    await upload({ file: jpg(await png(500, 400)) });
    const [row] = await rowsOf(actor.clinicId);
    const res = await asClinician(actor, row!.sha256);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("etag")).toBe(`"${row!.sha256}"`);
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(row!.bytes)).toBe(true);
    expect((await asClinician(actor, row!.sha256, { "if-none-match": `"${row!.sha256}"` })).status).toBe(304);

    const other = await staff("admin");
    expect((await asClinician(other, row!.sha256)).status).toBe(404);
    expect((await asClinician(actor, "not-a-hash")).status).toBe(404);
    current.actor = null;
    const signedOut = await clinicianGET(new Request(`http://app.test${clinicianMediaUrl(row!.sha256)}`), { params: Promise.resolve({ sha256: row!.sha256 }) });
    expect(signedOut.status).toBe(401);
  });

  it("serves a live patient link of the owning clinic only; a revoked link, an unknown one and another clinic's are 404", async () => {
    const actor = await staff();
    current.actor = actor;
    await upload({ file: jpg(await png(500, 400)) });
    const [row] = await rowsOf(actor.clinicId);
    const link = await publishedLinkIn(actor);
    const ok = await asPatient(link.token, row!.sha256);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe(`"${row!.sha256}"`);
    expect(ok.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect((await asPatient(link.token, row!.sha256, { "if-none-match": `"${row!.sha256}"` })).status).toBe(304);

    const otherClinic = await publishedLinkIn(await staff());
    expect((await asPatient(otherClinic.token, row!.sha256)).status).toBe(404);
    expect((await asPatient("AAAAAAAAAAAAAAAAAAAAAA", row!.sha256)).status).toBe(404);
    expect((await asPatient("../../etc", row!.sha256)).status).toBe(404);

    await revokePatientLink(handle.db, link.actor, { patientId: link.patientId, planId: link.planId });
    expect((await asPatient(link.token, row!.sha256)).status).toBe(404);
  });
});
