import { BODY, type JointName, type Limbs, type Phase, type Pose } from "./model";

// Forward kinematics: joint angles → joint positions. World units, y UP, floor at y = 0.
// A direction is an angle in degrees: 0 = down, 90 = forward (+x), 180 = up, -90 = backward.

export type Pt = { x: number; y: number };
export type Skeleton = Record<JointName, Pt>;

const rad = (deg: number) => (deg * Math.PI) / 180;
const step = (p: Pt, dir: number, len: number): Pt => ({ x: p.x + Math.sin(rad(dir)) * len, y: p.y - Math.cos(rad(dir)) * len });

function limb(l: Limbs | undefined) {
  return { hip: l?.hip ?? 0, knee: l?.knee ?? 0, ankle: l?.ankle ?? 0, shoulder: l?.shoulder ?? 0, elbow: l?.elbow ?? 0, wrist: l?.wrist ?? 0 };
}

/** The skeleton with its pelvis at the origin. */
function skeletonAtOrigin(view: Pose["view"], ph: Phase): Skeleton {
  const lean = ph.trunk ?? 0;
  const trunkDir = 180 - lean;
  const down = -lean;
  const pelvis: Pt = { x: 0, y: 0 };
  const neck = step(pelvis, trunkDir, BODY.trunk);
  const headDir = trunkDir - (ph.neck ?? 0);
  const headTop = step(neck, headDir, BODY.neck + BODY.headR * 2);
  // The chest is the middle of the (possibly bent) spine: a rounded back lifts it toward the back.
  const mid = step(pelvis, trunkDir, BODY.trunk / 2);
  const chest = step(mid, trunkDir - 90, -(ph.spine ?? 0) / 2);
  const front = view === "front";
  // Front view: the right (near) side limbs turn toward +x as their angle grows, the left toward -x.
  const sideSign = (near: boolean) => (front ? (near ? 1 : -1) : 1);
  const shoulderBase = step(pelvis, trunkDir, BODY.trunk - BODY.shoulderDrop);

  const arm = (near: boolean) => {
    const l = limb(near ? ph.near : ph.far);
    const sg = sideSign(near);
    const shoulder = front ? step(shoulderBase, trunkDir - 90 * sg, BODY.shoulderHalf) : shoulderBase;
    const upperDir = down + sg * l.shoulder;
    const elbow = step(shoulder, upperDir, BODY.upperArm);
    const foreDir = upperDir + sg * l.elbow;
    const wrist = step(elbow, foreDir, BODY.forearm);
    const hand = step(wrist, foreDir + sg * l.wrist, BODY.hand);
    return { shoulder, elbow, wrist, hand };
  };
  const leg = (near: boolean) => {
    const l = limb(near ? ph.near : ph.far);
    const sg = sideSign(near);
    const hip = front ? step(pelvis, trunkDir - 90 * sg, BODY.hipHalf) : pelvis;
    const thighDir = down + sg * l.hip;
    const knee = step(hip, thighDir, BODY.thigh);
    const shinDir = front ? thighDir - sg * l.knee : thighDir - l.knee;
    const ankle = step(knee, shinDir, BODY.shin);
    // Side view: the foot points forward from the shin. Front view: a short stub turned out.
    const footDir = front ? shinDir + sg * (90 - l.ankle) : shinDir + 90 - l.ankle;
    const toe = step(ankle, footDir, front ? BODY.foot * 0.55 : BODY.foot);
    const heel = front ? ankle : step(ankle, footDir, -BODY.heel);
    return { hip, knee, ankle, toe, heel };
  };
  const na = arm(true);
  const fa = arm(false);
  const nl = leg(true);
  const fl = leg(false);
  return {
    pelvis,
    neck,
    headTop,
    chest,
    nShoulder: na.shoulder,
    nElbow: na.elbow,
    nWrist: na.wrist,
    nHand: na.hand,
    fShoulder: fa.shoulder,
    fElbow: fa.elbow,
    fWrist: fa.wrist,
    fHand: fa.hand,
    nHip: nl.hip,
    nKnee: nl.knee,
    nAnkle: nl.ankle,
    nHeel: nl.heel,
    nToe: nl.toe,
    fHip: fl.hip,
    fKnee: fl.knee,
    fAnkle: fl.ankle,
    fHeel: fl.heel,
    fToe: fl.toe,
  };
}

const shift = (s: Skeleton, dx: number, dy: number): Skeleton =>
  Object.fromEntries(Object.entries(s).map(([k, p]) => [k, { x: p.x + dx, y: p.y + dy }])) as Skeleton;

/** The lowest point of the body (the head counts by its circle, not its top). */
function lowest(s: Skeleton): number {
  const head = headCentre(s);
  const ys = Object.entries(s)
    .filter(([k]) => k !== "headTop")
    .map(([, p]) => p.y);
  return Math.min(...ys, head.y - BODY.headR);
}

export function headCentre(s: Skeleton): Pt {
  const dx = s.headTop.x - s.neck.x;
  const dy = s.headTop.y - s.neck.y;
  const len = Math.hypot(dx, dy);
  const k = (BODY.neck + BODY.headR) / len;
  return { x: s.neck.x + dx * k, y: s.neck.y + dy * k };
}

/** Both positions in one world: the start rests on its support, the end on its own or on the start's pin. */
export function poseSkeletons(pose: Pose): { start: Skeleton; end: Skeleton } {
  const s0 = skeletonAtOrigin(pose.view, pose.start);
  const base = (s: Skeleton, ph: Phase) => (ph.on ?? 0) - (ph.rest ? s[ph.rest].y : lowest(s));
  const start = shift(s0, pose.start.x ?? 0, base(s0, pose.start));
  const e0 = skeletonAtOrigin(pose.view, pose.end);
  const pin = pose.end.pin;
  const end = pin
    ? shift(e0, start[pin].x - e0[pin].x, start[pin].y - e0[pin].y)
    : shift(e0, pose.end.x ?? pose.start.x ?? 0, base(e0, pose.end));
  return { start, end };
}
