"use client";
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DataTable } from "@/components/assessment/progress-charts";
import type { PainChartPoint, PainChartSeries } from "@/lib/checkins/chart-series";

// Pain per check-in against the stage's limits, as the clinician reads it. Like the assessment
// charts, the picture is aria-hidden with recharts' keyboard layer off, and the same numbers are
// a table for screen readers and browsers without JavaScript.

const DURING = "#b45309";
const MORNING = "#1d4ed8";
const GREEN_BAND = "#dcfce7";
const LIMIT = "#b91c1c";
const STAGE = "#475569";

const nrs = (v: number | null) => (v === null ? undefined : `${v}/10`);

function PointTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: PainChartPoint }> }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-sm">
      <p className="font-medium">
        {p.dateText} · {p.activity}
      </p>
      <p>During: {nrs(p.painDuring) ?? "not given"}</p>
      <p>Next morning: {nrs(p.nextMorning) ?? "not answered"}</p>
      {p.stage ? <p className="text-slate-600">{p.stage}</p> : null}
    </div>
  );
}

export function CheckInPainChart({ series }: { series: PainChartSeries }) {
  const tickLabel = new Map(series.ticks.map((t) => [t.day, t.label]));
  const plotted = series.points.some((p) => p.painDuring !== null || p.nextMorning !== null);
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">
        Pain per session (0-10), since {series.fromText}
        <span className="block font-normal text-slate-600">
          Green band: pain during up to {series.greenMax}/10. Above {series.acceptableMax}/10 is over the acceptable limit. Vertical lines: the day a
          stage began.
        </span>
      </figcaption>
      {plotted ? (
        <div className="h-64 w-full" aria-hidden data-testid="checkin-pain-chart">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={series.points} margin={{ top: 8, right: 28, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <ReferenceArea y1={0} y2={series.greenMax} fill={GREEN_BAND} fillOpacity={0.8} ifOverflow="extendDomain" />
              <XAxis
                dataKey="day"
                type="number"
                domain={series.domain}
                ticks={series.ticks.map((t) => t.day)}
                tickFormatter={(d: number) => tickLabel.get(d) ?? ""}
                tick={{ fontSize: 12 }}
                allowDuplicatedCategory={false}
              />
              <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fontSize: 12 }} />
              <ReferenceLine
                y={series.acceptableMax}
                stroke={LIMIT}
                strokeDasharray="6 4"
                label={{ value: `Acceptable limit ${series.acceptableMax}`, fontSize: 11, fill: LIMIT, position: "insideTopRight" }}
              />
              {series.stageMarks.map((m) => (
                <ReferenceLine
                  key={m.date}
                  x={m.day}
                  stroke={STAGE}
                  strokeDasharray="2 3"
                  // Inside the plot, right of the line: a stage that began on the first day shown would
                  // otherwise print over the y axis' top tick.
                  label={{ value: m.label.replace(/:.*$/, ""), fontSize: 11, fill: STAGE, position: "insideTopLeft" }}
                />
              ))}
              <Tooltip content={<PointTooltip />} />
              <Legend />
              <Line type="linear" dataKey="painDuring" name="During the session" stroke={DURING} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
              <Line
                type="linear"
                dataKey="nextMorning"
                name="Next morning"
                stroke={MORNING}
                strokeWidth={2}
                strokeDasharray="5 3"
                dot={{ r: 3 }}
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="text-sm text-slate-600">No pain scores logged in this period yet.</p>
      )}
      {series.stageMarks.length ? (
        <p className="text-xs text-slate-600">
          {series.stageMarks.map((m) => `${m.label} began on ${m.dateText}.`).join(" ")}
        </p>
      ) : null}
      {series.points.length ? (
        <div className="overflow-x-auto">
          <DataTable
            caption="Pain per session"
            head={["Date", "Activity", "Done", "Pain during", "Next morning", "Compared with before", "Stage"]}
            rows={series.points.map((p) => [p.dateText, p.activity, p.done, nrs(p.painDuring), nrs(p.nextMorning), p.compared ?? undefined, p.stage ?? undefined])}
          />
        </div>
      ) : null}
    </figure>
  );
}
