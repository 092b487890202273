import { Circle, Image, Line, Path, Svg, View, type Styles } from "@react-pdf/renderer";
import { TONES, type Drawing } from "@/lib/exercise-art/draw";

// The react-pdf adapter of the exercise drawing (ADR 0027): the same primitives as the web SVG
// (components/exercise-art/exercise-figure.tsx), mapped one to one, so the style lives in one place
// (lib/exercise-art/draw.ts). A clinic's own photo, when given, is printed instead.

export type PdfPhoto = { data: Buffer; alt: string };

/** Width and height in points that fit the drawing inside a box, keeping its shape. */
export function fitInto(d: Pick<Drawing, "width" | "height">, maxW: number, maxH: number): { width: number; height: number } {
  const k = Math.min(maxW / d.width, maxH / d.height);
  return { width: Math.round(d.width * k * 10) / 10, height: Math.round(d.height * k * 10) / 10 };
}

function photoFormat(data: Buffer): "png" | "jpg" {
  return data[0] === 0x89 && data[1] === 0x50 ? "png" : "jpg";
}

export function ExerciseFigurePdf({ drawing, maxWidth, maxHeight, photo, style }: { drawing: Drawing; maxWidth: number; maxHeight: number; photo?: PdfPhoto; style?: Styles[string] }) {
  if (photo) {
    return (
      <View style={[{ width: maxWidth, height: maxHeight }, style ?? {}]}>
        {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image takes no alt; the row prints the exercise's name and how-to beside it */}
        <Image src={{ data: photo.data, format: photoFormat(photo.data) }} style={{ width: maxWidth, height: maxHeight, objectFit: "contain" }} />
      </View>
    );
  }
  const { width, height } = fitInto(drawing, maxWidth, maxHeight);
  return (
    <Svg viewBox={drawing.viewBox} style={[{ width, height }, style ?? {}]}>
      {drawing.primitives.map((p, i) =>
        p.kind === "line" ? (
          <Line key={i} x1={p.x1} y1={p.y1} x2={p.x2} y2={p.y2} stroke={TONES[p.tone]} strokeWidth={p.width} strokeLinecap="round" {...(p.dash ? { strokeDasharray: String(p.dash) } : {})} />
        ) : p.kind === "circle" ? (
          <Circle key={i} cx={p.cx} cy={p.cy} r={p.r} stroke={p.width > 0 ? TONES[p.tone] : "none"} strokeWidth={p.width} fill={p.fill ? TONES[p.fill] : "none"} />
        ) : (
          <Path key={i} d={p.d} stroke={p.tone ? TONES[p.tone] : "none"} strokeWidth={p.width} fill={p.fill ? TONES[p.fill] : "none"} strokeLinecap="round" strokeLinejoin="round" />
        ),
      )}
    </Svg>
  );
}
