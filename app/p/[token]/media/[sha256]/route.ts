import { getDb } from "@/db/client";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/db/unavailable";
import { getExerciseMediaForLink } from "@/lib/exercise-media/get-exercise-media";
import { imageResponse } from "@/lib/exercise-media/serve-image";

// A clinic's exercise photo under a patient's link: a live token whose clinic owns the image;
// unknown, revoked or expired tokens and other clinics' images are all 404 (ADR 0028).
export const runtime = "nodejs";

export async function GET(req: Request, { params }: { params: Promise<{ token: string; sha256: string }> }) {
  const { token, sha256 } = await params;
  try {
    return imageResponse(req, await getExerciseMediaForLink(await getDb(), token, sha256));
  } catch (err) {
    if (isDatabaseUnavailable(err)) {
      return new Response(DATABASE_UNAVAILABLE_MESSAGE, { status: 503, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    }
    throw err;
  }
}
