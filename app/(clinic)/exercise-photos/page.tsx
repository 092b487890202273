import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { ExerciseMediaRow } from "@/components/exercise-media/exercise-media-row";
import { requireUser } from "@/lib/auth/require-user";
import { listExerciseMedia } from "@/lib/exercise-media/get-exercise-media";
import { MAX_UPLOAD_LABEL } from "@/lib/exercise-media/limits";
import { clinicianMediaUrl } from "@/lib/exercise-media/urls";
import { EXERCISE_LIBRARY } from "@/lib/plans/exercise-library";
import { removeExerciseMediaAction, saveExerciseMediaAction } from "./actions";

export const metadata: Metadata = { title: "Exercise photos" };

export default async function ExercisePhotosPage() {
  const actor = await requireUser();
  const rows = await listExerciseMedia(await getDb(), actor.clinicId);
  const byName = new Map(rows.map((r) => [r.exerciseName, r]));
  const count = rows.length;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Exercise photos</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          A photo you upload here replaces the built-in drawing of that exercise in your clinic&apos;s plans, PDFs and patient pages.
          JPEG, PNG or WebP, up to {MAX_UPLOAD_LABEL}. Photos are resized and saved without their hidden details (location, camera, date).
          A video link is shown on the patient&apos;s page only.
        </p>
        <p className="text-sm text-slate-600">
          {count === 0 ? "No photos yet: every exercise shows its built-in drawing." : `${count} of ${EXERCISE_LIBRARY.length} exercises have your clinic's photo.`}
        </p>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
        {EXERCISE_LIBRARY.map((ex, i) => {
          const r = byName.get(ex.name);
          return (
            <li key={ex.name} className="p-4">
              <ExerciseMediaRow
                index={i}
                exerciseName={ex.name}
                media={r ? { url: clinicianMediaUrl(r.sha256), width: r.width, height: r.height, alt: r.alt, videoUrl: r.videoUrl ?? "", version: r.version } : null}
                saveAction={saveExerciseMediaAction}
                removeAction={removeExerciseMediaAction}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
