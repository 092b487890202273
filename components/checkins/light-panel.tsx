import type { PatientLight } from "@/lib/checkins/patient-light";

// What the plan says to do now, as a light told in words first (the colour only repeats it).

const tone: Record<PatientLight["level"], string> = {
  urgent: "border-red-800 bg-red-800 text-white",
  red: "border-red-700 bg-red-50 text-red-950",
  amber: "border-amber-600 bg-amber-50 text-amber-950",
  green: "border-emerald-700 bg-emerald-50 text-emerald-950",
};

export function LightPanel({ light, saved }: { light: PatientLight; saved?: string | null }) {
  const urgent = light.level === "urgent";
  return (
    <section
      id={urgent ? "urgent" : "now"}
      role={urgent ? "alert" : undefined}
      aria-labelledby={`${light.level}-heading`}
      className={`space-y-2 rounded-lg border-l-8 border-2 p-4 ${tone[light.level]}`}
      data-testid="checkin-light"
      data-level={light.level}
    >
      {saved && !urgent ? <p className="text-sm font-semibold">{saved}</p> : null}
      {!urgent ? <p className="text-xs font-semibold uppercase tracking-wide">What your plan says now</p> : null}
      <h2 id={`${light.level}-heading`} className="text-xl font-bold">
        {light.heading}
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        {light.say.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}
