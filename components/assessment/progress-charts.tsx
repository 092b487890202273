"use client";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CapacitySeries, LefsPoint, PainPoint } from "@/lib/assessments/chart-data";
import { LEFS_MAX, LEFS_MIC } from "@/lib/assessments/lefs";

// Charts are a picture of the table beside them: each chart has its numbers as a table too, for
// screen readers and for browsers without JavaScript. The picture is aria-hidden, so recharts'
// keyboard layer is off: a focusable chart inside aria-hidden is a tab stop that reads nothing.

const LEFT = "#17614e";
const RIGHT = "#b45309";

export function PainChart({ data }: { data: PainPoint[] }) {
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">Pain over time (0-10)</figcaption>
      <div className="h-56 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="date" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 10]} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Line type="monotone" dataKey="painNow" name="Now" stroke="#0f172a" connectNulls />
            <Line type="monotone" dataKey="painWorst24h" name="Worst 24 h" stroke="#b91c1c" connectNulls />
            <Line type="monotone" dataKey="painDuringActivity" name="During activity" stroke={RIGHT} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption="Pain over time"
        head={["Date", "Now", "Worst 24 h", "During activity", "PSFS"]}
        rows={data.map((d) => [d.date, d.painNow, d.painWorst24h, d.painDuringActivity, d.psfs])}
      />
    </figure>
  );
}

/** The LEFS total over time (0-80, higher is better), with each change against the minimal important change. */
export function LefsChart({ data }: { data: LefsPoint[] }) {
  const rows = data.map((d, i) => {
    const change = i > 0 ? d.total - data[i - 1]!.total : undefined;
    return [
      d.date,
      d.total,
      change === undefined ? undefined : `${change > 0 ? "+" : ""}${change}${Math.abs(change) >= LEFS_MIC ? " (meaningful)" : ""}`,
    ];
  });
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">
        Lower Extremity Functional Scale (0-{LEFS_MAX}, higher is better) · a change of {LEFS_MIC} points is meaningful
      </figcaption>
      <div className="h-48 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="date" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, LEFS_MAX]} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Line type="monotone" dataKey="total" name="LEFS" stroke={LEFT} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <DataTable caption="Lower Extremity Functional Scale over time" head={["Date", "LEFS (0-80)", "Change"]} rows={rows} />
    </figure>
  );
}

export function CapacityChart({ series }: { series: CapacitySeries }) {
  const perSide = series.points.some((p) => p.left !== undefined || p.right !== undefined);
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">
        {series.label} ({series.unit}){series.target !== undefined ? ` · target ${series.target}` : ""}
      </figcaption>
      <div className="h-48 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={series.points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="date" tick={{ fontSize: 12 }} />
            <YAxis tick={{ fontSize: 12 }} domain={[0, (max: number) => Math.max(max, series.target ?? 0) + 2]} />
            <Tooltip />
            <Legend />
            {series.target !== undefined ? (
              <ReferenceLine y={series.target} stroke="#64748b" strokeDasharray="6 4" label={{ value: "Target", fontSize: 11, position: "insideTopRight" }} />
            ) : null}
            {perSide ? (
              <>
                <Line type="monotone" dataKey="left" name="Left" stroke={LEFT} connectNulls />
                <Line type="monotone" dataKey="right" name="Right" stroke={RIGHT} connectNulls />
              </>
            ) : (
              <Line type="monotone" dataKey="value" name="Result" stroke={LEFT} connectNulls />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption={`${series.label} results`}
        head={perSide ? ["Date", "Left", "Right", "Target"] : ["Date", "Result", "Target"]}
        rows={series.points.map((p) => (perSide ? [p.date, p.left, p.right, series.target] : [p.date, p.value, series.target]))}
      />
    </figure>
  );
}

export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number | undefined)[][] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700">Show as table</summary>
      <table className="mt-2 w-full border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            {head.map((h) => (
              <th key={h} scope="col" className="py-1 pr-3 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-slate-100">
              {r.map((c, j) => (
                <td key={j} className="py-1 pr-3">
                  {c ?? "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
