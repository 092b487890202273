import type { Pose } from "../model";

// Trunk, back and whole-body exercises (angles: see ../model.ts).

export const sidePlank: Pose = {
  view: "front",
  start: { trunk: -62, near: { hip: 28, shoulder: 10, elbow: 5 }, far: { hip: -28, shoulder: 62, elbow: 90 } },
  end: { trunk: -76, near: { hip: 0, shoulder: 100, elbow: 0 }, far: { hip: 0, shoulder: 76, elbow: 90 }, pin: "fElbow" },
  equipment: [{ kind: "mat" }],
  arrows: ["pelvis"],
  startText: "lying on your side, propped on the forearm, elbow under the shoulder",
  endText: "hips lifted so the body is a straight line from head to feet",
};

export const copenhagenPlank: Pose = {
  view: "front",
  start: { trunk: -88, near: { hip: 0, shoulder: 10, elbow: 5 }, far: { hip: 24, shoulder: 88, elbow: 90 }, rest: "fElbow", on: 4 },
  end: { trunk: -88, near: { hip: 0, shoulder: 10, elbow: 5 }, far: { hip: 7, shoulder: 88, elbow: 90 }, pin: "fElbow" },
  equipment: [{ kind: "bench", under: "nKnee", width: 70 }],
  arrows: ["fAnkle"],
  startText: "in a side plank with the top knee on a bench, the lower leg down",
  endText: "the lower leg lifted up to the bench, body straight",
};

export const sledPush: Pose = {
  view: "side",
  start: { trunk: 45, near: { hip: 95, knee: 70, ankle: -25, shoulder: 85, elbow: 10 }, far: { hip: 0, knee: 5, ankle: -5, shoulder: 85, elbow: 10 } },
  end: { trunk: 45, x: 32, near: { hip: 0, knee: 5, ankle: -5, shoulder: 85, elbow: 10 }, far: { hip: 95, knee: 70, ankle: -25, shoulder: 85, elbow: 10 } },
  equipment: [{ kind: "sled", at: "nHand" }],
  arrows: [],
  travel: "forward",
  startText: "leaning into a sled, arms straight, one knee driving forward",
  endText: "the sled pushed forward with short driving steps",
};

export const gobletSquat: Pose = {
  view: "side",
  start: { near: { shoulder: 25, elbow: 135 }, far: { shoulder: 25, elbow: 135 } },
  end: { trunk: 30, near: { hip: 120, knee: 118, ankle: -28, shoulder: 25, elbow: 135 }, far: { hip: 120, knee: 118, ankle: -28, shoulder: 25, elbow: 135 }, pin: "nHeel" },
  equipment: [{ kind: "kettlebell", at: "nHand" }],
  arrows: ["pelvis"],
  startText: "standing tall, holding a light weight at the chest",
  endText: "sitting down between the heels, chest up",
};

export const suitcaseCarry: Pose = {
  view: "side",
  start: { near: { hip: 20, knee: 5, ankle: 15, elbow: 3 }, far: { hip: -18, knee: 12, ankle: 10, shoulder: 15, elbow: 20 } },
  end: { x: 38, near: { hip: -18, knee: 12, ankle: 10, elbow: 3 }, far: { hip: 20, knee: 5, ankle: 15, shoulder: -15, elbow: 20 } },
  equipment: [{ kind: "kettlebell", at: "nHand" }],
  arrows: [],
  travel: "forward",
  startText: "standing tall with a weight in one hand",
  endText: "walking tall, not leaning toward or away from the weight",
};

export const farmerCarry: Pose = {
  view: "side",
  start: { near: { hip: 20, knee: 5, ankle: 15, elbow: 3 }, far: { hip: -18, knee: 12, ankle: 10, elbow: 3 } },
  end: { x: 38, near: { hip: -18, knee: 12, ankle: 10, elbow: 3 }, far: { hip: 20, knee: 5, ankle: 15, elbow: 3 } },
  equipment: [
    { kind: "kettlebell", at: "fHand" },
    { kind: "kettlebell", at: "nHand" },
  ],
  arrows: [],
  travel: "forward",
  startText: "standing tall with a weight in each hand",
  endText: "walking tall with short, steady steps",
};

const bridgeStart = { trunk: -90, near: { hip: 50, knee: 105, ankle: 35, shoulder: 15, elbow: 5 }, far: { hip: 50, knee: 105, ankle: 35, shoulder: 15, elbow: 5 } };

export const gluteBridge: Pose = {
  view: "side",
  start: bridgeStart,
  end: { trunk: -115, near: { hip: -5, knee: 100, ankle: 10, shoulder: 40, elbow: 5 }, far: { hip: -5, knee: 100, ankle: 10, shoulder: 40, elbow: 5 }, pin: "nHeel" },
  equipment: [{ kind: "mat" }],
  arrows: ["pelvis"],
  startText: "lying on your back, knees bent, both feet flat on the floor",
  endText: "hips lifted until shoulders, hips and knees line up",
};

export const singleLegBridge: Pose = {
  view: "side",
  start: { trunk: -90, near: { hip: 50, knee: 105, ankle: 35, shoulder: 15, elbow: 5 }, far: { hip: 50, knee: 5, ankle: 10, shoulder: 15, elbow: 5 } },
  end: { trunk: -115, near: { hip: -5, knee: 100, ankle: 10, shoulder: 40, elbow: 5 }, far: { hip: -5, knee: 0, ankle: 10, shoulder: 40, elbow: 5 }, pin: "nHeel" },
  equipment: [{ kind: "mat" }],
  arrows: ["pelvis"],
  startText: "lying on your back, one foot flat on the floor, the other leg held up straight",
  endText: "hips lifted on the one leg until body and thigh line up",
};

export const hamstringWalkOut: Pose = {
  view: "side",
  start: { trunk: -115, near: { hip: -5, knee: 100, ankle: 10, shoulder: 40, elbow: 5 }, far: { hip: -5, knee: 100, ankle: 10, shoulder: 40, elbow: 5 } },
  end: { trunk: -105, near: { hip: -5, knee: 45, ankle: -25, shoulder: 40, elbow: 5 }, far: { hip: -5, knee: 45, ankle: -25, shoulder: 40, elbow: 5 }, pin: "neck" },
  equipment: [{ kind: "mat" }],
  arrows: ["nHeel"],
  startText: "in a bridge, hips up, feet close to the hips",
  endText: "heels walked out a few small steps, hips still up",
};

export const deadBug: Pose = {
  view: "side",
  start: { trunk: -90, near: { hip: 90, knee: 90, ankle: 20, shoulder: 90 }, far: { hip: 90, knee: 90, ankle: 20, shoulder: 90 } },
  end: { trunk: -90, near: { hip: 90, knee: 90, ankle: 20, shoulder: 168 }, far: { hip: 8, knee: 0, ankle: 20, shoulder: 90 } },
  equipment: [{ kind: "mat" }],
  arrows: ["nHand", "fAnkle"],
  startText: "lying on your back, arms up, knees bent over the hips",
  endText: "one arm lowered overhead and the opposite leg straightened, low back down",
};

export const birdDog: Pose = {
  view: "side",
  start: { trunk: 80, neck: -70, near: { hip: 80, knee: 90, ankle: 90, shoulder: 80 }, far: { hip: 80, knee: 90, ankle: 90, shoulder: 80 } },
  end: { trunk: 80, neck: -70, near: { hip: 80, knee: 90, ankle: 90, shoulder: 170 }, far: { hip: -5, knee: 0, ankle: 60, shoulder: 80 }, pin: "nKnee" },
  equipment: [{ kind: "mat" }],
  arrows: ["nHand", "fAnkle"],
  startText: "on hands and knees, back flat",
  endText: "one arm and the opposite leg reached out long, without twisting",
};

export const catCamel: Pose = {
  view: "side",
  start: { trunk: 80, neck: -50, spine: 16, near: { hip: 80, knee: 90, ankle: 90, shoulder: 80 }, far: { hip: 80, knee: 90, ankle: 90, shoulder: 80 } },
  end: { trunk: 80, neck: -85, spine: -12, near: { hip: 80, knee: 90, ankle: 90, shoulder: 80 }, far: { hip: 80, knee: 90, ankle: 90, shoulder: 80 }, pin: "nKnee" },
  equipment: [{ kind: "mat" }],
  arrows: ["chest"],
  startText: "on hands and knees with the back rounded up",
  endText: "the back let down gently into a small sag",
};

export const hipHinge: Pose = {
  view: "side",
  start: { near: { shoulder: 165, elbow: 150 }, far: { shoulder: -35, elbow: 110 } },
  end: { trunk: 60, near: { hip: 58, knee: 18, ankle: -20, shoulder: 165, elbow: 150 }, far: { hip: 58, knee: 18, ankle: -20, shoulder: -35, elbow: 110 }, pin: "nHeel" },
  equipment: [{ kind: "dowel" }],
  arrows: ["pelvis"],
  startText: "standing tall, a dowel along the spine touching head, upper back and tailbone",
  endText: "hips pushed back, back flat, the dowel still touching all three",
};

export const romanianDeadlift: Pose = {
  view: "side",
  start: { near: { shoulder: 0, elbow: 3 }, far: { shoulder: 0, elbow: 3 } },
  end: { trunk: 68, near: { hip: 62, knee: 18, ankle: -24, shoulder: 68, elbow: 3 }, far: { hip: 62, knee: 18, ankle: -24, shoulder: 68, elbow: 3 }, pin: "nHeel" },
  equipment: [
    { kind: "dumbbell", at: "fHand" },
    { kind: "dumbbell", at: "nHand" },
  ],
  arrows: ["nHand"],
  startText: "standing tall with a light weight in each hand",
  endText: "hips pushed back with a flat back and soft knees, weights near the legs",
};

export const pushUpIncline: Pose = {
  view: "side",
  start: { trunk: 58, near: { hip: 0, knee: 0, ankle: -8, shoulder: 58, elbow: 0 }, far: { hip: 0, knee: 0, ankle: -8, shoulder: 58, elbow: 0 } },
  end: { trunk: 70, near: { hip: 0, knee: 0, ankle: 4, shoulder: 20, elbow: 105 }, far: { hip: 0, knee: 0, ankle: 4, shoulder: 20, elbow: 105 }, pin: "nToe" },
  equipment: [{ kind: "bench", under: "nHand", width: 56 }],
  arrows: ["chest"],
  startText: "hands on a bench, arms straight, body in a straight line",
  endText: "the chest lowered to the bench",
};

export const nordicCurl: Pose = {
  view: "side",
  start: { near: { knee: 90, ankle: 90, shoulder: 40, elbow: 90 }, far: { knee: 90, ankle: 90, shoulder: 40, elbow: 90 } },
  end: { trunk: 45, near: { knee: 45, ankle: 90, shoulder: 90, elbow: 25 }, far: { knee: 45, ankle: 90, shoulder: 90, elbow: 25 }, pin: "nKnee" },
  equipment: [{ kind: "mat" }, { kind: "band", from: "nAnkle", to: { x: -90, y: 10 } }],
  arrows: ["headTop"],
  startText: "kneeling upright with the heels held down",
  endText: "leaning forward slowly from the knees, hands ready to catch you",
};
