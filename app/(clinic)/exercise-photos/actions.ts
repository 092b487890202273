"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/auth/action-state";
import { authedAction } from "@/lib/auth/authed-action";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "@/lib/exercise-media/limits";
import { removeExerciseMedia } from "@/lib/exercise-media/remove-exercise-media";
import { saveExerciseMedia } from "@/lib/exercise-media/save-exercise-media";
import { removeExerciseMediaSchema, saveExerciseMediaSchema } from "@/lib/validation/exercise-media";

const ROLES = ["clinician", "admin"] as const;

// Upload, replace or edit one exercise's photo. authedAction reads only text fields; the file is
// taken from the same FormData, and read only after the session and role checks.
export async function saveExerciseMediaAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const photo = formData.get("photo");
  const file = photo instanceof File && photo.size > 0 ? photo : null;
  return authedAction(saveExerciseMediaSchema, { roles: ROLES }, async (input, { actor, db }) => {
    if (file && file.size > MAX_UPLOAD_BYTES) {
      const msg = `This file is larger than ${MAX_UPLOAD_LABEL}. Choose a smaller photo, or export it at a lower size.`;
      return { ok: false, formError: "The photo was not saved.", fieldErrors: { photo: [msg] } };
    }
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
    const saved = await saveExerciseMedia(db, actor, input, bytes);
    revalidatePath("/exercise-photos");
    const message = saved.kind === "uploaded" ? "Photo saved." : saved.kind === "replaced" ? "Photo replaced." : "Details saved.";
    return { ok: true, message, values: { version: String(saved.version) } };
  })(prev, formData);
}

export const removeExerciseMediaAction = authedAction(removeExerciseMediaSchema, { roles: ROLES }, async (input, { actor, db }) => {
  await removeExerciseMedia(db, actor, input);
  revalidatePath("/exercise-photos");
  return { ok: true, message: "Photo removed. The built-in drawing shows again." };
});
