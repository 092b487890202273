import { BODY, type Equipment, type JointName, type Pose } from "./model";
import { headCentre, poseSkeletons, type Pt, type Skeleton } from "./skeleton";

// THE renderer (ADR 0027): a pose in, drawing primitives out, in a viewBox. Pure: no clock, no
// randomness, no DOM; the same pose always gives the same primitives. Two pictures side by side,
// the start on the left and the end on the right, in one world so the equipment stays put; an
// arrow in the end picture shows the way the body moved. Line drawing in black and greys only:
// nothing is told by colour, so it prints the same in grey scale.

export type Tone = "ink" | "far" | "equip" | "fill" | "paper" | "rule";
export type Cmd = ["M", number, number] | ["L", number, number] | ["Q", number, number, number, number] | ["Z"];

export type Primitive =
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; width: number; tone: Tone; dash?: number }
  | { kind: "circle"; cx: number; cy: number; r: number; width: number; tone: Tone; fill: Tone | null }
  | { kind: "path"; d: string; width: number; tone: Tone | null; fill: Tone | null; role?: "arrow" | "figure" | "equipment" };

export type Drawing = { width: number; height: number; viewBox: string; primitives: Primitive[] };

export type DrawOptions = {
  /** Empty space around the pictures, in world units. */
  margin?: number;
  /** Space between the start and the end picture. */
  gap?: number;
};

/** Grey values a printer keeps apart; the adapters map tones to these and nothing else. */
export const TONES: Record<Tone, string> = {
  ink: "#111111",
  far: "#9a9a9a",
  equip: "#333333",
  fill: "#e2e2e2",
  paper: "#ffffff",
  rule: "#bbbbbb",
};

const W = { trunk: 13, leg: 8.5, arm: 7, foot: 6, neck: 6, equip: 2.5, arrow: 3.2 } as const;

// World primitives keep y up and raw commands until the final placement.
type WPrim =
  | { kind: "line"; a: Pt; b: Pt; width: number; tone: Tone; dash?: number }
  | { kind: "circle"; c: Pt; r: number; width: number; tone: Tone; fill: Tone | null }
  | { kind: "path"; cmds: Cmd[]; width: number; tone: Tone | null; fill: Tone | null; role?: "arrow" | "figure" | "equipment" };

const poly = (pts: Pt[], width: number, tone: Tone, role: "figure" | "equipment" = "figure"): WPrim => ({
  kind: "path",
  cmds: pts.map((p, i) => [i === 0 ? "M" : "L", p.x, p.y] as Cmd),
  width,
  tone,
  fill: null,
  role,
});

const rect = (x0: number, y0: number, x1: number, y1: number): WPrim => ({
  kind: "path",
  cmds: [["M", x0, y0], ["L", x1, y0], ["L", x1, y1], ["L", x0, y1], ["Z"]],
  width: W.equip,
  tone: "equip",
  fill: "fill",
  role: "equipment",
});

const add = (p: Pt, q: Pt): Pt => ({ x: p.x + q.x, y: p.y + q.y });
const sub = (p: Pt, q: Pt): Pt => ({ x: p.x - q.x, y: p.y - q.y });
const mul = (p: Pt, k: number): Pt => ({ x: p.x * k, y: p.y * k });
const len = (p: Pt) => Math.hypot(p.x, p.y);
const unit = (p: Pt): Pt => {
  const l = len(p);
  return l === 0 ? { x: 1, y: 0 } : mul(p, 1 / l);
};

function figure(view: Pose["view"], s: Skeleton): WPrim[] {
  const out: WPrim[] = [];
  const farTone: Tone = view === "side" ? "far" : "ink";
  // Far side first so the near side is drawn over it.
  out.push(poly([s.fHip, s.fKnee, s.fAnkle], W.leg, farTone), poly([s.fHeel, s.fToe], W.foot, farTone));
  out.push(poly([s.fShoulder, s.fElbow, s.fWrist, s.fHand], W.arm, farTone));
  const head = headCentre(s);
  if (view === "front") {
    // A torso with shoulders wider than hips reads as a person facing you.
    out.push({ kind: "path", cmds: [["M", s.fHip.x, s.fHip.y], ["L", s.nHip.x, s.nHip.y], ["L", s.nShoulder.x, s.nShoulder.y], ["L", s.fShoulder.x, s.fShoulder.y], ["Z"]], width: 6, tone: "ink", fill: "ink", role: "figure" });
  } else {
    // The spine as one curve through the chest point, so a rounded or arched back shows.
    const mid = mul(add(s.pelvis, s.neck), 0.5);
    const ctrl = sub(mul(s.chest, 2), mid);
    out.push({ kind: "path", cmds: [["M", s.pelvis.x, s.pelvis.y], ["Q", ctrl.x, ctrl.y, s.neck.x, s.neck.y]], width: W.trunk, tone: "ink", fill: null, role: "figure" });
  }
  out.push(poly([s.neck, head], W.neck, "ink"));
  out.push({ kind: "circle", c: head, r: BODY.headR, width: 0, tone: "ink", fill: "ink" });
  out.push(poly([s.nHip, s.nKnee, s.nAnkle], W.leg, "ink"), poly([s.nHeel, s.nToe], W.foot, "ink"));
  out.push(poly([s.nShoulder, s.nElbow, s.nWrist, s.nHand], W.arm, "ink"));
  return out;
}

/** Equipment fixed in the world, placed from the start position. */
function fixedEquipment(eq: Equipment, s: Skeleton): WPrim[] {
  switch (eq.kind) {
    case "step": {
      const p = s[eq.under];
      const top = p.y - W.foot / 2;
      const [x0, x1] = eq.edge === "back" ? [p.x - 3, p.x + 42] : eq.edge === "front" ? [p.x - 42, p.x + 4] : [p.x - 24, p.x + 24];
      return [rect(x0, 0, x1, top)];
    }
    case "bench": {
      const p = s[eq.under];
      const top = p.y - 4;
      const half = (eq.width ?? 64) / 2;
      const [x0, x1] = [p.x - half, p.x + half];
      return [
        poly([{ x: x0 + 7, y: top - 6 }, { x: x0 + 7, y: 0 }], 4, "equip", "equipment"),
        poly([{ x: x1 - 7, y: top - 6 }, { x: x1 - 7, y: 0 }], 4, "equip", "equipment"),
        rect(x0, top - 7, x1, top),
      ];
    }
    case "chair": {
      const p = s[eq.under];
      const top = p.y - 7;
      const [x0, x1] = [p.x - 22, p.x + 16];
      return [
        poly([{ x: x0 + 3, y: top }, { x: x0 + 3, y: 0 }], 3.5, "equip", "equipment"),
        poly([{ x: x1 - 3, y: top }, { x: x1 - 3, y: 0 }], 3.5, "equip", "equipment"),
        poly([{ x: x0 + 1, y: top }, { x: x0 - 4, y: top + 46 }], 4, "equip", "equipment"),
        rect(x0, top - 5, x1, top),
      ];
    }
    case "wall": {
      const out: WPrim[] = [poly([{ x: eq.x, y: 0 }, { x: eq.x, y: 195 }], 3, "equip", "equipment")];
      for (let y = 10; y <= 190; y += 15) out.push(poly([{ x: eq.x, y }, { x: eq.x - 7, y: y - 7 }], 1.5, "equip", "equipment"));
      return out;
    }
    case "mat": {
      const xs = Object.values(s).map((p) => p.x);
      return [rect(Math.min(...xs) - 14, 0, Math.max(...xs) + 14, 3)];
    }
    default:
      return [];
  }
}

/** Equipment that moves with the body, drawn in each position. */
function heldEquipment(eq: Equipment, s: Skeleton): WPrim[] {
  switch (eq.kind) {
    case "dumbbell": {
      const p = s[eq.at];
      return [
        { kind: "circle", c: p, r: 8, width: 2.5, tone: "ink", fill: "fill" },
        { kind: "circle", c: p, r: 2.5, width: 0, tone: "ink", fill: "ink" },
      ];
    }
    case "kettlebell": {
      const p = s[eq.at];
      const c = { x: p.x, y: p.y - 12 };
      return [
        { kind: "path", cmds: [["M", p.x - 6, p.y - 4], ["Q", p.x, p.y + 8, p.x + 6, p.y - 4]], width: 3, tone: "ink", fill: null, role: "equipment" },
        { kind: "circle", c, r: 10, width: 2.5, tone: "ink", fill: "fill" },
      ];
    }
    case "sled": {
      const p = s[eq.at];
      return [
        poly([{ x: p.x + 3, y: p.y + 2 }, { x: p.x + 3, y: 14 }], 4, "equip", "equipment"),
        rect(p.x - 2, 3, p.x + 46, 18),
        rect(p.x + 10, 18, p.x + 38, 30),
        poly([{ x: p.x - 6, y: 1.5 }, { x: p.x + 50, y: 1.5 }], 3, "equip", "equipment"),
      ];
    }
    case "band": {
      const a = s[eq.from];
      const b = typeof eq.to === "string" ? s[eq.to] : eq.to;
      const out: WPrim[] = [{ kind: "line", a, b, width: 2.5, tone: "equip" }];
      if (typeof eq.to !== "string") {
        out.push(poly([{ x: eq.to.x, y: 0 }, { x: eq.to.x, y: eq.to.y + 10 }], 4, "equip", "equipment"));
        out.push({ kind: "circle", c: eq.to, r: 3, width: 2, tone: "equip", fill: "paper" });
      }
      return out;
    }
    case "dowel": {
      const t = unit(sub(s.neck, s.pelvis));
      const back = { x: -t.y, y: t.x }; // left of the trunk's direction: the back, for a figure facing right
      const off = mul(back, BODY.headR + 2);
      const a = add(add(s.pelvis, mul(t, -14)), off);
      const b = add(add(s.pelvis, mul(t, BODY.trunk + BODY.neck + BODY.headR * 2 + 10)), off);
      return [{ kind: "line", a, b, width: 4, tone: "equip" }];
    }
    case "bar": {
      const p = s[eq.at];
      const pivot = { x: eq.floorX, y: 4 };
      const d = unit(sub(p, pivot));
      return [
        { kind: "line", a: pivot, b: add(p, mul(d, 8)), width: 5, tone: "equip" },
        { kind: "circle", c: pivot, r: 4.5, width: 2, tone: "equip", fill: "fill" },
      ];
    }
    default:
      return [];
  }
}

const HELD = new Set<Equipment["kind"]>(["dumbbell", "kettlebell", "sled", "band", "dowel", "bar"]);

/** Centre of the body's points, for turning an arrow away from the figure. */
const centroid = (s: Skeleton): Pt => {
  const ps = Object.values(s);
  return { x: ps.reduce((a, p) => a + p.x, 0) / ps.length, y: ps.reduce((a, p) => a + p.y, 0) / ps.length };
};

/** The point that moves furthest between start and end (ties: the first in skeleton order). */
export function mostMoved(start: Skeleton, end: Skeleton): JointName {
  let best: JointName = "pelvis";
  let dist = -1;
  for (const k of Object.keys(start) as JointName[]) {
    const d = len(sub(end[k], start[k]));
    if (d > dist + 1e-9) {
      best = k;
      dist = d;
    }
  }
  return best;
}

function arrow(from: Pt, to: Pt, away: Pt): WPrim[] {
  let a = from;
  let b = to;
  let d = sub(b, a);
  // A small movement (a chin tuck) still gets an arrow long enough to see.
  if (len(d) < 22) {
    const mid = mul(add(a, b), 0.5);
    const u = unit(d);
    a = add(mid, mul(u, -11));
    b = add(mid, mul(u, 11));
    d = sub(b, a);
  }
  const u = unit(d);
  let n = { x: -u.y, y: u.x };
  const mid = mul(add(a, b), 0.5);
  if (n.x * (mid.x - away.x) + n.y * (mid.y - away.y) < 0) n = mul(n, -1);
  const off = mul(n, 16);
  // Trim the ends so the arrow sits beside the movement, not on the joints.
  const trim = Math.min(8, len(d) * 0.15);
  const p0 = add(add(a, mul(u, trim)), off);
  const p1 = add(add(b, mul(u, -trim)), off);
  const ctrl = add(mul(add(p0, p1), 0.5), mul(n, len(d) * 0.18));
  const tang = unit(sub(p1, ctrl));
  const side = { x: -tang.y, y: tang.x };
  const h = 10;
  const base = add(p1, mul(tang, -h));
  const shaftEnd = add(p1, mul(tang, -h * 0.6));
  return [
    { kind: "path", cmds: [["M", p0.x, p0.y], ["Q", ctrl.x, ctrl.y, shaftEnd.x, shaftEnd.y]], width: W.arrow, tone: "ink", fill: null, role: "arrow" },
    { kind: "path", cmds: [["M", p1.x, p1.y], ["L", base.x + side.x * h * 0.55, base.y + side.y * h * 0.55], ["L", base.x - side.x * h * 0.55, base.y - side.y * h * 0.55], ["Z"]], width: 1, tone: "ink", fill: "ink", role: "arrow" },
  ];
}

function travelArrow(kind: NonNullable<Pose["travel"]>, s: Skeleton): WPrim[] {
  const top = Math.max(...Object.values(s).map((p) => p.y)) + 14;
  const cx = s.pelvis.x;
  if (kind === "up") {
    const x = Math.max(...Object.values(s).map((p) => p.x)) + 18;
    return arrow({ x: x - 16, y: 12 }, { x: x - 16, y: 62 }, { x: -1e3, y: 37 });
  }
  return arrow({ x: cx - 26, y: top - 16 }, { x: cx + 26, y: top - 16 }, { x: cx, y: -1e3 });
}

type Box = { x0: number; y0: number; x1: number; y1: number };

function extend(b: Box, p: Pt, pad: number) {
  b.x0 = Math.min(b.x0, p.x - pad);
  b.x1 = Math.max(b.x1, p.x + pad);
  b.y0 = Math.min(b.y0, p.y - pad);
  b.y1 = Math.max(b.y1, p.y + pad);
}

function boxOf(prims: WPrim[], b: Box) {
  for (const p of prims) {
    if (p.kind === "line") {
      extend(b, p.a, p.width / 2);
      extend(b, p.b, p.width / 2);
    } else if (p.kind === "circle") extend(b, p.c, p.r + p.width / 2);
    else
      for (const c of p.cmds) {
        if (c[0] === "M" || c[0] === "L") extend(b, { x: c[1], y: c[2] }, p.width / 2);
        else if (c[0] === "Q") {
          extend(b, { x: c[1], y: c[2] }, p.width / 2);
          extend(b, { x: c[3], y: c[4] }, p.width / 2);
        }
      }
  }
}

// One decimal: enough for print, and the same text for the same pose on every machine.
const r1 = (n: number) => Math.round(n * 10) / 10;

/** One foot from the inner side, toes to the right: the arch is the gap under the middle of the foot. */
function footCloseUp(arch: number): WPrim[] {
  const a = Math.max(0, arch);
  return [
    { kind: "path", cmds: [["M", -8, 120], ["L", -8, 34], ["Q", -20, 22, -14, 6], ["Q", -12, 0, -4, 0], ["Q", 22, a * 2, 48, 0], ["L", 70, 0], ["Q", 80, 1, 78, 8], ["Q", 50, 16, 14, 36], ["L", 12, 120]], width: 4, tone: "ink", fill: "paper", role: "figure" },
    { kind: "path", cmds: [["M", 6, a + 3], ["Q", 22, a * 2 + 2, 36, a + 3]], width: 2, tone: "far", fill: null, role: "figure" },
  ];
}

/** Draw an exercise's start and end positions. Pure and deterministic. */
export function drawExercise(pose: Pose, options: DrawOptions = {}): Drawing {
  const margin = options.margin ?? 8;
  const gap = options.gap ?? 18;
  if (pose.closeUp === "foot") {
    const a0 = pose.start.arch ?? 0;
    const a1 = pose.end.arch ?? 0;
    return place([footCloseUp(a0), [...footCloseUp(a1), ...arrow({ x: 22, y: a0 + 30 }, { x: 22, y: a1 + 46 }, { x: -1e3, y: 40 })]], margin, gap);
  }
  const { start, end } = poseSkeletons(pose);
  const fixed = (pose.equipment ?? []).filter((e) => !HELD.has(e.kind)).flatMap((e) => fixedEquipment(e, start));
  const held = (s: Skeleton) => (pose.equipment ?? []).filter((e) => HELD.has(e.kind)).flatMap((e) => heldEquipment(e, s));
  const joints = pose.arrows ?? [mostMoved(start, end)];
  const away = centroid(end);
  const arrows = [...joints.flatMap((j) => arrow(start[j], end[j], away)), ...(pose.travel ? travelArrow(pose.travel, end) : [])];
  // Band and dowel sit behind the figure; weights in the hand in front of it.
  const behind = (s: Skeleton) => held(s).filter((p) => p.kind === "line");
  const front = (s: Skeleton) => held(s).filter((p) => p.kind !== "line");
  const panels: WPrim[][] = [
    [...fixed, ...behind(start), ...figure(pose.view, start), ...front(start)],
    [...fixed, ...behind(end), ...figure(pose.view, end), ...front(end), ...arrows],
  ];
  return place(panels, margin, gap);
}

/** The two pictures side by side on a shared floor, in viewBox coordinates (y down). */
function place(panels: WPrim[][], margin: number, gap: number): Drawing {
  const box: Box = { x0: Infinity, y0: 0, x1: -Infinity, y1: -Infinity };
  for (const p of panels) boxOf(p, box);
  // The floor under everything, with short hatching below it.
  const floor: WPrim[] = [poly([{ x: box.x0 - 4, y: 0 }, { x: box.x1 + 4, y: 0 }], 2.5, "equip", "equipment")];
  for (let x = Math.ceil((box.x0 + 4) / 14) * 14; x <= box.x1; x += 14) floor.push(poly([{ x, y: 0 }, { x: x - 6, y: -6 }], 1.3, "equip", "equipment"));
  for (const p of panels) p.unshift(...floor);
  boxOf(floor, box);

  const panelW = box.x1 - box.x0 + margin * 2;
  const height = r1(box.y1 - box.y0 + margin * 2);
  const width = r1(panelW * 2 + gap);
  const primitives: Primitive[] = [];
  panels.forEach((prims, i) => {
    const ox = i * (panelW + gap) + margin - box.x0;
    const X = (x: number) => r1(x + ox);
    const Y = (y: number) => r1(box.y1 + margin - y);
    for (const p of prims) {
      if (p.kind === "line") primitives.push({ kind: "line", x1: X(p.a.x), y1: Y(p.a.y), x2: X(p.b.x), y2: Y(p.b.y), width: p.width, tone: p.tone, ...(p.dash ? { dash: p.dash } : {}) });
      else if (p.kind === "circle") primitives.push({ kind: "circle", cx: X(p.c.x), cy: Y(p.c.y), r: p.r, width: p.width, tone: p.tone, fill: p.fill });
      else {
        const d = p.cmds
          .map((c) => (c[0] === "Z" ? "Z" : c[0] === "Q" ? `Q${X(c[1])} ${Y(c[2])} ${X(c[3])} ${Y(c[4])}` : `${c[0]}${X(c[1])} ${Y(c[2])}`))
          .join(" ");
        primitives.push({ kind: "path", d, width: p.width, tone: p.tone, fill: p.fill, ...(p.role ? { role: p.role } : {}) });
      }
    }
  });
  // A thin rule between the two pictures.
  const mx = r1(panelW + gap / 2);
  primitives.push({ kind: "line", x1: mx, y1: r1(margin), x2: mx, y2: r1(height - margin), width: 1, tone: "rule", dash: 4 });
  return { width, height, viewBox: `0 0 ${width} ${height}`, primitives };
}
