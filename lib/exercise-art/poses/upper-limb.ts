import type { Pose } from "../model";

// Shoulder, elbow, wrist and neck (angles: see ../model.ts).

export const bandExternalRotation: Pose = {
  view: "front",
  start: { near: { shoulder: 8, elbow: -98 }, far: { shoulder: 5, elbow: 5 } },
  end: { near: { shoulder: 8, elbow: 75 }, far: { shoulder: 5, elbow: 5 } },
  equipment: [{ kind: "band", from: "nHand", to: { x: -72, y: 98 } }],
  arrows: ["nHand"],
  startText: "facing you, elbow at the side bent to a right angle, hand in front of the belly holding a band",
  endText: "the forearm turned outward against the band, elbow still at the side",
};

export const row: Pose = {
  view: "side",
  start: { near: { hip: 12, knee: 12, ankle: 0, shoulder: 80, elbow: 5 }, far: { hip: -12, knee: 8, ankle: -5, shoulder: 80, elbow: 5 } },
  end: { near: { hip: 12, knee: 12, ankle: 0, shoulder: -25, elbow: 110 }, far: { hip: -12, knee: 8, ankle: -5, shoulder: -25, elbow: 110 } },
  equipment: [{ kind: "band", from: "nHand", to: { x: 115, y: 118 } }],
  arrows: ["nElbow"],
  startText: "standing, arms straight out in front holding a band",
  endText: "elbows pulled back toward the hips, shoulder blades squeezed",
};

export const landminePress: Pose = {
  view: "side",
  start: { trunk: 8, near: { hip: 18, knee: 8, ankle: 10, shoulder: 25, elbow: 140 }, far: { hip: -15, knee: 8, ankle: 5, elbow: 10 } },
  end: { trunk: 12, near: { hip: 18, knee: 8, ankle: 10, shoulder: 125, elbow: 5 }, far: { hip: -15, knee: 8, ankle: 5, elbow: 10 } },
  equipment: [{ kind: "bar", at: "nHand", floorX: 150 }],
  arrows: ["nHand"],
  startText: "standing in a short stride, the end of a bar held at the shoulder",
  endText: "the bar pressed up and forward, ribs down",
};

export const wristExtension: Pose = {
  view: "side",
  start: { trunk: 15, near: { hip: 105, knee: 90, ankle: 0, shoulder: 20, elbow: 52, wrist: -35 }, far: { hip: 105, knee: 90, ankle: 0, shoulder: 10, elbow: 60 } },
  end: { trunk: 15, near: { hip: 105, knee: 90, ankle: 0, shoulder: 20, elbow: 52, wrist: 45 }, far: { hip: 105, knee: 90, ankle: 0, shoulder: 10, elbow: 60 } },
  equipment: [
    { kind: "chair", under: "pelvis" },
    { kind: "dumbbell", at: "nHand" },
  ],
  arrows: ["nHand"],
  startText: "sitting, forearm resting on the thigh, palm down, a light weight lowered",
  endText: "the weight lifted by bending the wrist back (helped by the other hand), then lowered slowly",
};

export const gripHold: Pose = {
  view: "side",
  start: { trunk: 10, near: { hip: 15, knee: 25, ankle: -10, shoulder: 10, elbow: 5 }, far: { hip: 15, knee: 25, ankle: -10, shoulder: 0, elbow: 10 } },
  end: { near: { shoulder: 0, elbow: 3 }, far: { elbow: 10 }, pin: "nHeel" },
  equipment: [
    { kind: "bench", under: "nHand", width: 40 },
    { kind: "dumbbell", at: "nHand" },
  ],
  arrows: ["nHand"],
  startText: "a weight resting on a bench beside you, your hand gripping it",
  endText: "standing tall, the weight held just off the bench with a firm grip",
};

export const chinTuck: Pose = {
  view: "side",
  start: { trunk: 8, neck: 22, near: { hip: 98, knee: 90, ankle: 8, shoulder: 15, elbow: 70 }, far: { hip: 98, knee: 90, ankle: 8, shoulder: 15, elbow: 70 } },
  end: { trunk: 0, neck: -8, near: { hip: 90, knee: 90, ankle: 0, shoulder: 15, elbow: 70 }, far: { hip: 90, knee: 90, ankle: 0, shoulder: 15, elbow: 70 }, pin: "pelvis" },
  equipment: [{ kind: "chair", under: "pelvis" }],
  arrows: ["headTop"],
  startText: "sitting tall on a chair, head relaxed forward",
  endText: "the chin drawn gently back, as if making a double chin",
};

export const bandPullApart: Pose = {
  view: "front",
  start: { near: { shoulder: 80, elbow: -72 }, far: { shoulder: 80, elbow: -72 } },
  end: { near: { shoulder: 88, elbow: 0 }, far: { shoulder: 88, elbow: 0 } },
  equipment: [{ kind: "band", from: "nHand", to: "fHand" }],
  arrows: ["nHand", "fHand"],
  startText: "facing you, arms out in front at shoulder height holding a band",
  endText: "the band pulled apart toward the chest, arms out wide, shoulders down",
};
