import { authedRoute } from "@/lib/auth/authed-route";
import { getExerciseMediaByHash } from "@/lib/exercise-media/get-exercise-media";
import { imageResponse } from "@/lib/exercise-media/serve-image";

// A clinic's exercise photo for its signed-in staff; another clinic's hash is a 404 (ADR 0028).
export const runtime = "nodejs";

export const GET = authedRoute<{ sha256: string }>({ roles: ["clinician", "admin"] }, async (req, { actor, db, params }) =>
  imageResponse(req, await getExerciseMediaByHash(db, actor.clinicId, params.sha256)),
);
