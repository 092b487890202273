import type { Pose } from "../model";

// Legs, hips and feet. Each pose is a start and an end position (angles: see ../model.ts).

const standing = { trunk: 0, near: { elbow: 10 }, far: { elbow: 10 } };

export const singleLegCalfRaise: Pose = {
  view: "side",
  start: { near: { ankle: -15, elbow: 10 }, far: { hip: 10, knee: 75, ankle: 20, elbow: 10 }, rest: "nToe", on: 24 },
  end: { near: { ankle: 40, elbow: 10 }, far: { hip: 10, knee: 75, ankle: 20, elbow: 10 }, pin: "nToe" },
  equipment: [{ kind: "step", under: "nToe", edge: "back" }],
  arrows: ["headTop"],
  startText: "standing on one foot on the edge of a step, heel a little below the step",
  endText: "up on the toes of that foot as high as you can",
};

export const bentKneeCalfRaise: Pose = {
  view: "side",
  start: { trunk: 5, near: { hip: 20, knee: 35, ankle: -20, elbow: 10 }, far: { hip: 15, knee: 80, ankle: 10, elbow: 10 } },
  end: { trunk: 5, near: { hip: 20, knee: 35, ankle: 30, elbow: 10 }, far: { hip: 15, knee: 80, ankle: 10, elbow: 10 }, pin: "nToe" },
  arrows: ["nHeel"],
  startText: "standing on one foot with the knee a little bent",
  endText: "up on the toes, the knee still bent",
};

export const splitSquat: Pose = {
  view: "side",
  start: { near: { hip: 25, knee: 5, ankle: 20, elbow: 10 }, far: { hip: -28, knee: 8, ankle: 20, elbow: 10 } },
  end: { near: { hip: 85, knee: 88, ankle: -3, elbow: 10 }, far: { hip: -12, knee: 98, ankle: -30, elbow: 10 }, pin: "nToe" },
  arrows: ["pelvis"],
  startText: "standing tall in a long stride, one foot forward",
  endText: "the back knee lowered toward the floor, the front knee over the foot",
};

export const stepUp: Pose = {
  view: "side",
  start: { trunk: 10, near: { hip: 75, knee: 85, ankle: -20, elbow: 15 }, far: { hip: -5, knee: 5, ankle: 5, elbow: 10 } },
  end: { near: { elbow: 10 }, far: { hip: 5, knee: 70, ankle: 20, elbow: 15 }, pin: "nHeel" },
  equipment: [{ kind: "step", under: "nAnkle" }],
  arrows: ["pelvis"],
  startText: "one whole foot on a low step, the other on the floor",
  endText: "standing tall on the step",
};

export const stepDown: Pose = {
  view: "side",
  start: { near: { elbow: 10 }, far: { hip: 15, knee: 10, ankle: 10, elbow: 10 }, rest: "nHeel", on: 26 },
  end: { trunk: 15, near: { hip: 60, knee: 70, ankle: -25, shoulder: 20, elbow: 10 }, far: { hip: 40, knee: 5, ankle: -10, shoulder: 20, elbow: 10 }, pin: "nToe" },
  equipment: [{ kind: "step", under: "nToe", edge: "front" }],
  arrows: ["fHeel"],
  startText: "standing on one foot on a step, the other foot off the front edge",
  endText: "the standing knee bent until the other heel touches the floor",
};

export const wallSit: Pose = {
  view: "side",
  start: { near: { hip: 25, knee: 25, elbow: 5 }, far: { hip: 25, knee: 25, elbow: 5 } },
  end: { near: { hip: 90, knee: 90, elbow: 5 }, far: { hip: 90, knee: 90, elbow: 5 } },
  equipment: [{ kind: "wall", x: -8 }],
  arrows: ["pelvis"],
  startText: "standing with your back against a wall, feet a step forward",
  endText: "slid down the wall until the knees are bent, held there",
};

export const singleLegBalance: Pose = {
  view: "side",
  start: standing,
  end: { near: { knee: 5, elbow: 10 }, far: { hip: 55, knee: 80, ankle: 20, elbow: 10 }, pin: "nHeel" },
  startText: "standing on both feet near something to hold",
  endText: "standing on one leg, the other knee lifted, the standing knee soft",
};

export const singleLegSitToStand: Pose = {
  view: "side",
  start: { trunk: 25, near: { hip: 115, knee: 95, ankle: -5, shoulder: 35, elbow: 120 }, far: { hip: 112, knee: 10, ankle: 5, shoulder: 35, elbow: 120 } },
  end: { trunk: 5, near: { knee: 3, shoulder: 35, elbow: 120 }, far: { hip: 45, knee: 15, ankle: 5, shoulder: 35, elbow: 120 }, pin: "nToe" },
  equipment: [{ kind: "chair", under: "pelvis" }],
  arrows: ["pelvis"],
  startText: "sitting on a chair, one foot on the floor and the other leg held out, arms crossed",
  endText: "standing up on the one leg without using the hands",
};

export const pogoHops: Pose = {
  view: "side",
  start: { near: { knee: 5, ankle: 25, elbow: 60, shoulder: 10 }, far: { knee: 5, ankle: 25, elbow: 60, shoulder: 10 } },
  end: { near: { knee: 2, ankle: 35, elbow: 60, shoulder: 10 }, far: { knee: 2, ankle: 35, elbow: 60, shoulder: 10 }, on: 16 },
  arrows: [],
  travel: "up",
  startText: "standing on the balls of both feet, ankles stiff",
  endText: "a small springy hop off the floor",
};

export const sidelyingHipAbduction: Pose = {
  view: "front",
  start: { trunk: -88, near: { hip: 0, shoulder: 15, elbow: 10 }, far: { hip: 0, knee: 25, shoulder: 175, elbow: 20 } },
  end: { trunk: -88, near: { hip: 35, shoulder: 15, elbow: 10 }, far: { hip: 0, knee: 25, shoulder: 175, elbow: 20 } },
  equipment: [{ kind: "mat" }],
  arrows: ["nAnkle"],
  startText: "lying on your side, legs long, head on the lower arm",
  endText: "the top leg lifted, toes pointing forward",
};

export const tibialisRaise: Pose = {
  view: "side",
  start: { trunk: -14, near: { hip: 0, ankle: 14, elbow: 5 }, far: { hip: 0, ankle: 14, elbow: 5 } },
  end: { trunk: -14, near: { hip: 0, ankle: -25, elbow: 5 }, far: { hip: 0, ankle: -25, elbow: 5 }, pin: "nHeel" },
  equipment: [{ kind: "wall", x: -22 }],
  arrows: ["nToe"],
  startText: "leaning back against a wall, heels a foot away from it",
  endText: "toes and front of the feet lifted, heels on the floor",
};

export const lateralBandWalk: Pose = {
  view: "front",
  start: { near: { hip: 6, shoulder: 25, elbow: -65 }, far: { hip: 6, shoulder: 25, elbow: -65 } },
  end: { near: { hip: 20, shoulder: 25, elbow: -65 }, far: { hip: 6, shoulder: 25, elbow: -65 } },
  equipment: [{ kind: "band", from: "nKnee", to: "fKnee" }],
  arrows: ["nAnkle"],
  travel: "sideways",
  startText: "facing you, a band around the knees, knees slightly bent",
  endText: "one foot stepped out to the side against the band",
};

export const heelDrop: Pose = {
  view: "side",
  start: { near: { ankle: 40, elbow: 10 }, far: { ankle: 40, elbow: 10 }, rest: "nToe", on: 24 },
  end: { near: { ankle: -18, elbow: 10 }, far: { hip: 10, knee: 75, ankle: 20, elbow: 10 }, pin: "nToe" },
  equipment: [{ kind: "step", under: "nToe", edge: "back" }],
  arrows: ["nHeel"],
  startText: "up on the toes of both feet on the edge of a step",
  endText: "on one foot, the heel lowered slowly below the step",
};

export const shortFoot: Pose = {
  view: "side",
  start: { arch: 3 },
  end: { arch: 13 },
  closeUp: "foot",
  startText: "the foot flat on the floor, toes relaxed",
  endText: "the arch lifted so the foot gets shorter, toes still flat",
};

export const reverseLunge: Pose = {
  view: "side",
  start: { near: { elbow: 10 }, far: { hip: 2, elbow: 10 } },
  end: { near: { hip: 85, knee: 88, ankle: -3, elbow: 10 }, far: { hip: -12, knee: 98, ankle: -30, elbow: 10 }, pin: "nToe" },
  arrows: ["fKnee"],
  startText: "standing tall, feet together",
  endText: "one foot stepped back and the back knee lowered, weight on the front heel",
};

export const singleLegSquat: Pose = {
  view: "side",
  start: { near: { shoulder: 70, elbow: 5 }, far: { hip: 30, knee: 10, ankle: 10, shoulder: 70, elbow: 5 } },
  end: { trunk: 30, near: { hip: 85, knee: 85, ankle: -30, shoulder: 80, elbow: 5 }, far: { hip: 75, knee: 15, ankle: 10, shoulder: 80, elbow: 5 }, pin: "nToe" },
  arrows: ["pelvis"],
  startText: "standing on one leg, the other foot just off the floor in front, arms forward",
  endText: "squatted down on the one leg, knee over the foot",
};

export const singleLegHop: Pose = {
  view: "side",
  start: { trunk: 35, near: { hip: 80, knee: 70, ankle: -25, shoulder: -40, elbow: 15 }, far: { hip: 40, knee: 90, ankle: 20, shoulder: -40, elbow: 15 } },
  end: { trunk: 30, x: 105, near: { hip: 75, knee: 70, ankle: -25, shoulder: 70, elbow: 15 }, far: { hip: 35, knee: 90, ankle: 20, shoulder: 70, elbow: 15 } },
  arrows: [],
  travel: "forward",
  startText: "crouched on one leg, arms back, ready to hop",
  endText: "landed further forward on the same leg, holding the landing",
};

export const walk: Pose = {
  view: "side",
  start: { near: { hip: 22, knee: 5, ankle: 15, shoulder: -20, elbow: 20 }, far: { hip: -18, knee: 12, ankle: 10, shoulder: 20, elbow: 20 } },
  end: { x: 40, near: { hip: -18, knee: 12, ankle: 10, shoulder: 20, elbow: 20 }, far: { hip: 22, knee: 5, ankle: 15, shoulder: -20, elbow: 20 } },
  arrows: [],
  travel: "forward",
  startText: "walking, one foot forward",
  endText: "the next step, at a brisk comfortable pace",
};
