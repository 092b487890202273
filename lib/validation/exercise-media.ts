import { z } from "zod";
import { EXERCISE_LIBRARY } from "@/lib/plans/exercise-library";
import { MAX_ALT_CHARS, MAX_VIDEO_URL_CHARS } from "@/lib/exercise-media/limits";

const LIBRARY_NAMES = new Set(EXERCISE_LIBRARY.map((e) => e.name));

const exerciseName = z
  .string({ error: "Choose an exercise" })
  .refine((n) => LIBRARY_NAMES.has(n), "This exercise is not in the library.");

/** "" for a first upload; the version shown for a replace, so a concurrent replace is detected. */
const version = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? Number(v) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v < 2 ** 31), "Reload the page and try again.");

/** A short video link: https only (never javascript: or http:), on a host, at most 500 characters. */
export const videoUrlField = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v.length <= MAX_VIDEO_URL_CHARS, `Use a link of at most ${MAX_VIDEO_URL_CHARS} characters.`)
  .refine((v) => v === "" || isHttpsUrl(v), "Enter a link starting with https://, for example https://www.youtube.com/watch?v=…")
  .transform((v) => (v === "" ? null : v));

export function isHttpsUrl(v: string): boolean {
  if (/\s/.test(v)) return false;
  try {
    const u = new URL(v);
    return u.protocol === "https:" && u.hostname.includes(".") && u.username === "" && u.password === "";
  } catch {
    return false;
  }
}

export const saveExerciseMediaSchema = z.object({
  exerciseName,
  version,
  alt: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= MAX_ALT_CHARS, `Use at most ${MAX_ALT_CHARS} characters.`),
  videoUrl: videoUrlField,
});

export const removeExerciseMediaSchema = z.object({
  exerciseName,
  version: z.coerce.number({ error: "Reload the page and try again." }).int().min(1, "Reload the page and try again.").max(2 ** 31 - 1),
});

export type SaveExerciseMediaInput = z.output<typeof saveExerciseMediaSchema>;
