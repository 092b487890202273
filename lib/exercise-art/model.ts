// The pose model (ADR 0027): an exercise's picture is data, a start and an end position of one
// stick figure plus the equipment it uses. One pure renderer (draw.ts) turns it into primitives
// that the web (SVG) and the PDF (react-pdf Svg) adapters print the same way.
//
// Angles are joint angles in degrees, the way a clinician describes a position:
// - trunk: lean of the trunk from upright, forward positive (90 = lying face down, -90 = on the back).
//   In the front view it is the sideways tilt toward the viewer's right.
// - neck: head bent forward from the line of the trunk (negative: tipped back).
// - hip: flexion (thigh forward of the trunk line); in the front view, abduction (out to the side).
// - knee: flexion (0 = straight). ankle: plantar flexion (0 = foot square to the shin; negative =
//   toes pulled up). shoulder: flexion (0 = arm down by the side, 90 = forward, 180 = overhead);
//   in the front view, abduction. elbow: flexion (front view: the forearm turns outward if positive).
// wrist: extension (the hand turns up from the line of the forearm).
// Side view: the figure faces right; "near" limbs are drawn in full ink, "far" limbs in grey behind.
// Front view: "near" is the viewer's right side, "far" the viewer's left; both in full ink.

export type Limbs = { hip?: number; knee?: number; ankle?: number; shoulder?: number; elbow?: number; wrist?: number };

export type Phase = {
  trunk?: number;
  neck?: number;
  near?: Limbs;
  far?: Limbs;
  /** Pelvis x in world units (start: 0 by default). */
  x?: number;
  /** Height the lowest body point rests at (0 = floor); ignored when `pin` is given. */
  on?: number;
  /** The point that rests at `on` (default: the lowest point of the body). */
  rest?: JointName;
  /** Close-up of the foot only: height of the arch, world units. */
  arch?: number;
  /** Bend of the spine: positive rounds the back (flexion), negative arches it. */
  spine?: number;
  /** End phase only: keep this point where it was at the start (a planted foot, a heel on a bench). */
  pin?: JointName;
};

export type JointName =
  | "pelvis"
  | "neck"
  | "headTop"
  | "chest"
  | "nShoulder"
  | "nElbow"
  | "nWrist"
  | "nHand"
  | "fShoulder"
  | "fElbow"
  | "fWrist"
  | "fHand"
  | "nHip"
  | "nKnee"
  | "nAnkle"
  | "nHeel"
  | "nToe"
  | "fHip"
  | "fKnee"
  | "fAnkle"
  | "fHeel"
  | "fToe";

/** Equipment. Fixed items sit in the world; `under` places one beneath a body point of the start position. */
export type Equipment =
  | { kind: "step"; under: JointName; height?: number; edge?: "front" | "back" }
  | { kind: "bench"; under: JointName; width?: number }
  | { kind: "chair"; under: JointName }
  | { kind: "wall"; x: number }
  | { kind: "mat" }
  | { kind: "band"; from: JointName; to: JointName | { x: number; y: number } }
  | { kind: "dumbbell"; at: JointName }
  | { kind: "kettlebell"; at: JointName }
  | { kind: "sled"; at: JointName }
  | { kind: "dowel" }
  | { kind: "bar"; at: JointName; floorX: number };

export type EquipmentKind = Equipment["kind"];

export type Pose = {
  view: "side" | "front";
  start: Phase;
  end: Phase;
  equipment?: Equipment[];
  /** Points that get a movement arrow (default: the one that moves furthest). */
  arrows?: JointName[];
  /** Whole-body travel (carries, walks, hops): an arrow over the figure's head in the end picture. */
  travel?: "forward" | "sideways" | "up";
  /** Draw a close-up of one foot instead of the whole body (the arch lift is too small to see otherwise). */
  closeUp?: "foot";
  /** Plain words for the alt text: "standing on one foot on a step edge". */
  startText: string;
  endText: string;
};

/** Segment lengths in world units (a figure is about 180 units tall). */
export const BODY = {
  headR: 10,
  neck: 5,
  trunk: 50,
  upperArm: 28,
  forearm: 20,
  hand: 7,
  thigh: 42,
  shin: 40,
  foot: 14,
  heel: 4,
  /** Front view: half the width of the hips and of the shoulders. */
  hipHalf: 8,
  shoulderHalf: 15,
  /** How far below the top of the trunk the shoulders sit. */
  shoulderDrop: 5,
} as const;
