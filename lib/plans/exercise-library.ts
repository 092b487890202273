// The exercise library the editor searches: every exercise the engine prescribes (same names,
// so a how-to attaches to the engine's choices) plus common additions. Each has default sets,
// reps and a one-line how-to in the patient's words. Pure data: used in the browser too.

export type LibraryExercise = { name: string; sets: number; reps: string; howTo: string; tags: string[] };

export const EXERCISE_LIBRARY: readonly LibraryExercise[] = [
  { name: "Single-leg calf raise", sets: 3, reps: "8-12 slow reps per side", howTo: "Stand on one foot on a step edge; rise onto the toes for 2 seconds, lower for 3 seconds.", tags: ["calf", "achilles", "ankle", "running"] },
  { name: "Bent-knee calf raise", sets: 3, reps: "10-12 per side", howTo: "Knee bent about 30 degrees, rise onto the toes and lower slowly; keep the knee bend throughout.", tags: ["calf", "soleus", "achilles"] },
  { name: "Split squat", sets: 3, reps: "6-8 per side, bodyweight", howTo: "Long stride stance; lower the back knee toward the floor, front knee over the mid-foot, push up through the front heel.", tags: ["knee", "hip", "leg"] },
  { name: "Step-up", sets: 3, reps: "8 per side, low step", howTo: "Whole foot on the step, push through it to stand tall, lower slowly without dropping.", tags: ["knee", "hip", "leg"] },
  { name: "Sled push", sets: 4, reps: "15 m, light", howTo: "Arms straight, body leaning in, short driving steps; stop well before form breaks.", tags: ["leg", "back", "conditioning"] },
  { name: "Goblet squat (light)", sets: 3, reps: "8-10", howTo: "Hold a light weight at the chest, sit down between the heels, keep the chest up, stand tall.", tags: ["leg", "back", "knee"] },
  { name: "Side plank", sets: 3, reps: "15-20 seconds per side", howTo: "Elbow under the shoulder, body in a straight line from head to feet; knees bent to make it easier.", tags: ["trunk", "back", "hip"] },
  { name: "Suitcase carry", sets: 3, reps: "20 m per side, light", howTo: "A weight in one hand, walk tall without leaning toward or away from it.", tags: ["trunk", "back", "grip"] },
  { name: "Single-leg bridge", sets: 3, reps: "8-10 per side", howTo: "Lying on your back, one foot planted, lift the hips until body and thigh line up; lower slowly.", tags: ["hamstring", "hip", "glute"] },
  { name: "Step-down", sets: 3, reps: "6-8 per side, low step", howTo: "Standing on a step, slowly lower the other heel to touch the floor, knee tracking over the toes.", tags: ["knee", "hip"] },
  { name: "Wall sit (hold)", sets: 4, reps: "30 seconds", howTo: "Back against the wall, slide down until the knees are bent to a comfortable angle; hold and breathe.", tags: ["knee", "quadriceps", "isometric"] },
  { name: "Side-lying hip abduction", sets: 3, reps: "10-12 per side", howTo: "Lying on your side, lift the top leg slightly behind you, toes forward; lower slowly.", tags: ["hip", "glute"] },
  { name: "Nordic hamstring curl (assisted)", sets: 3, reps: "4-6", howTo: "Kneeling with heels held, lean forward slowly from the knees as far as you control; push back up with the hands.", tags: ["hamstring"] },
  { name: "Tibialis raise", sets: 3, reps: "12-15", howTo: "Back against a wall, heels a foot away; lift the toes and forefoot up, lower slowly.", tags: ["shin", "ankle"] },
  { name: "Single-leg balance", sets: 3, reps: "20-30 seconds per side", howTo: "Stand on one leg near support, knee soft; progress by closing the eyes or standing on a cushion.", tags: ["ankle", "foot", "balance"] },
  { name: "Single-leg sit to stand", sets: 3, reps: "6-8 per side", howTo: "From a chair, stand up on one leg without using the hands; sit back down slowly.", tags: ["knee", "hip", "leg"] },
  { name: "Pogo hops", sets: 3, reps: "15-20", howTo: "Small, quick, springy hops on the balls of the feet with stiff ankles; stop if pain rises.", tags: ["calf", "plyometric", "running"] },
  { name: "Band external rotation", sets: 3, reps: "12-15", howTo: "Elbow at your side bent to 90 degrees, rotate the forearm outward against the band, return slowly.", tags: ["shoulder"] },
  { name: "Row (cable, band or dumbbell)", sets: 3, reps: "10-12", howTo: "Pull the elbow back toward the hip, squeezing the shoulder blade; lower with control.", tags: ["shoulder", "upper back", "neck"] },
  { name: "Landmine press", sets: 3, reps: "8-10 per side, light", howTo: "Press the bar end up and forward from the shoulder; ribs down, no arching.", tags: ["shoulder"] },
  { name: "Wrist extension, slow lowering", sets: 3, reps: "12-15", howTo: "Forearm supported, palm down: lift the weight with help from the other hand, lower it slowly alone.", tags: ["elbow", "wrist"] },
  { name: "Grip hold", sets: 4, reps: "30 seconds", howTo: "Hold a weight or squeeze a towel firmly at a level that stays comfortable.", tags: ["elbow", "grip", "isometric"] },
  { name: "Chin-tuck hold", sets: 3, reps: "8 × 5-second holds", howTo: "Lying or sitting tall, draw the chin gently back (a double chin), hold, relax.", tags: ["neck"] },
  { name: "Band pull-apart", sets: 3, reps: "12-15", howTo: "Arms straight in front, pull the band apart to the chest, shoulders down; return slowly.", tags: ["shoulder", "upper back", "neck"] },
  { name: "Glute bridge", sets: 3, reps: "10-15", howTo: "Lying on your back, both feet planted, lift the hips and squeeze the glutes; lower slowly.", tags: ["hip", "glute", "back"] },
  { name: "Dead bug", sets: 3, reps: "8 per side", howTo: "On your back, arms up and knees over hips; lower the opposite arm and leg while the low back stays down.", tags: ["trunk", "back"] },
  { name: "Bird dog", sets: 3, reps: "8 per side", howTo: "On hands and knees, reach one arm and the opposite leg long without twisting; pause, return.", tags: ["trunk", "back"] },
  { name: "Copenhagen plank (knee on a bench)", sets: 3, reps: "15-20 seconds per side", howTo: "Side plank with the top knee on a bench, lower leg under it lifted; keep the body straight.", tags: ["groin", "hip", "adductor"] },
  { name: "Hip hinge with dowel", sets: 3, reps: "10", howTo: "Dowel along the spine touching head, upper back and tailbone; push the hips back, keep all three contacts.", tags: ["back", "hamstring", "technique"] },
  { name: "Romanian deadlift (light)", sets: 3, reps: "8-10", howTo: "Soft knees, push the hips back with a flat back until the hamstrings stretch; stand tall.", tags: ["hamstring", "back", "hip"] },
  { name: "Reverse lunge", sets: 3, reps: "8 per side", howTo: "Step back and lower the back knee, weight on the front heel; push back to standing.", tags: ["knee", "hip", "leg"] },
  { name: "Lateral band walk", sets: 3, reps: "10 steps each way", howTo: "Band around the knees or ankles, slight squat, step sideways keeping tension in the band.", tags: ["hip", "glute", "knee"] },
  { name: "Heel drop (slow lowering)", sets: 3, reps: "15 per side", howTo: "Rise on both feet, shift onto one, and lower the heel slowly below the step.", tags: ["achilles", "calf", "eccentric"] },
  { name: "Short foot (arch lift)", sets: 3, reps: "10 × 5-second holds", howTo: "Standing, shorten the foot by lifting the arch without curling the toes; hold.", tags: ["foot", "ankle"] },
  { name: "Hamstring bridge walk-out", sets: 3, reps: "6-8", howTo: "In a bridge, walk the heels out a few small steps and back while the hips stay up.", tags: ["hamstring"] },
  { name: "Push-up (incline)", sets: 3, reps: "8-12", howTo: "Hands on a bench, body straight; lower the chest to the bench and press back up.", tags: ["shoulder", "upper body"] },
  { name: "Farmer carry", sets: 3, reps: "30 m", howTo: "A weight in each hand, walk tall with short, steady steps.", tags: ["grip", "trunk", "upper back"] },
  { name: "Cat-camel mobility", sets: 2, reps: "10 slow cycles", howTo: "On hands and knees, round the back up slowly then let it sag gently; stay in a comfortable range.", tags: ["back", "mobility"] },
];

const norm = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N} ]/gu, " ");

/** Exercises whose name or tags contain every word of the query (case- and accent-insensitive). */
export function searchExercises(query: string, limit = 12): LibraryExercise[] {
  const words = norm(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return EXERCISE_LIBRARY.slice(0, limit);
  return EXERCISE_LIBRARY.filter((e) => {
    const hay = norm(`${e.name} ${e.tags.join(" ")}`);
    return words.every((w) => hay.includes(w));
  }).slice(0, limit);
}

export function howToFor(name: string): string | undefined {
  const n = norm(name).trim();
  return EXERCISE_LIBRARY.find((e) => norm(e.name).trim() === n)?.howTo;
}
