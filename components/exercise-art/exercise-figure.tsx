import { artForCapacityTest, artForExercise, type ExerciseArt } from "@/lib/exercise-art";
import { TONES } from "@/lib/exercise-art/draw";
import { cn } from "@/lib/utils";

// The web adapter of the exercise drawing (ADR 0027): an inline SVG from the one pure renderer
// (lib/exercise-art/draw.ts), the same primitives the PDF prints. No hooks: it renders on the
// server, in client components and in static markup alike. A clinic's own photo, when given, is
// shown instead of the drawing.

export type WebPhoto = { src: string; alt: string };

export function ExerciseArtSvg({ art, className }: { art: ExerciseArt; className?: string }) {
  const d = art.drawing;
  return (
    <svg viewBox={d.viewBox} role="img" aria-label={art.alt} className={cn("block h-auto max-w-full", className)} xmlns="http://www.w3.org/2000/svg">
      <title>{art.alt}</title>
      {d.primitives.map((p, i) =>
        p.kind === "line" ? (
          <line key={i} x1={p.x1} y1={p.y1} x2={p.x2} y2={p.y2} stroke={TONES[p.tone]} strokeWidth={p.width} strokeLinecap="round" strokeDasharray={p.dash} />
        ) : p.kind === "circle" ? (
          <circle key={i} cx={p.cx} cy={p.cy} r={p.r} stroke={p.width > 0 ? TONES[p.tone] : "none"} strokeWidth={p.width} fill={p.fill ? TONES[p.fill] : "none"} />
        ) : (
          <path key={i} d={p.d} stroke={p.tone ? TONES[p.tone] : "none"} strokeWidth={p.width} fill={p.fill ? TONES[p.fill] : "none"} strokeLinecap="round" strokeLinejoin="round" />
        ),
      )}
    </svg>
  );
}

/** The picture of an exercise by its name: the clinic's photo if given, else the built-in drawing, else nothing. */
export function ExerciseFigure({ exercise, photo, className }: { exercise: string; photo?: WebPhoto; className?: string }) {
  if (photo) {
    // eslint-disable-next-line @next/next/no-img-element -- a clinic's own upload, served by the app; sizes vary
    return <img src={photo.src} alt={photo.alt} className={cn("block h-auto max-w-full object-contain", className)} />;
  }
  const art = artForExercise(exercise);
  return art ? <ExerciseArtSvg art={art} className={className} /> : null;
}

/** The picture of a capacity test the assessment explains (lib/clinical/capacity/catalogue.ts). */
export function CapacityTestFigure({ test, label, className }: { test: string; label: string; className?: string }) {
  const art = artForCapacityTest(test, label);
  return art ? <ExerciseArtSvg art={art} className={className} /> : null;
}

/**
 * A small picture that opens into a large one: a native <details>, so it works without
 * JavaScript, is keyboard-operable and is announced as expandable by screen readers.
 */
export function EnlargeableExerciseFigure({ exercise, photo }: { exercise: string; photo?: WebPhoto }) {
  const art = photo ? null : artForExercise(exercise);
  if (!photo && !art) return null;
  return (
    <details className="group mt-2 rounded-md border border-slate-300 bg-white">
      <summary className="flex cursor-pointer list-none items-center gap-3 p-2 [&::-webkit-details-marker]:hidden">
        <span className="w-32 shrink-0 sm:w-40 group-open:hidden">
          <ExerciseFigure exercise={exercise} photo={photo} />
        </span>
        <span className="text-sm font-medium text-brand-700 underline">
          <span className="group-open:hidden">Tap to enlarge the picture</span>
          <span className="hidden group-open:inline">Show the small picture</span>
          <span className="sr-only"> of {exercise}</span>
        </span>
      </summary>
      <div className="p-2 pt-0">
        <ExerciseFigure exercise={exercise} photo={photo} className="mx-auto w-full max-w-xl" />
      </div>
    </details>
  );
}
