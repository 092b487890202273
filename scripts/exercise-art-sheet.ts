// Renders every exercise drawing to one PNG contact sheet to look at: `npx tsx scripts/exercise-art-sheet.ts [filter] [out.png]`.
import sharp from "sharp";
import { writeFileSync } from "node:fs";
import { EXERCISE_POSES, CAPACITY_TEST_POSES, drawExercise } from "@/lib/exercise-art";
import { TONES, type Drawing } from "@/lib/exercise-art/draw";
function svg(d: Drawing): string {
  const body = d.primitives.map((p) => {
    if (p.kind === "line") return `<line x1="${p.x1}" y1="${p.y1}" x2="${p.x2}" y2="${p.y2}" stroke="${TONES[p.tone]}" stroke-width="${p.width}" stroke-linecap="round"${p.dash ? ` stroke-dasharray="${p.dash}"` : ""}/>`;
    if (p.kind === "circle") return `<circle cx="${p.cx}" cy="${p.cy}" r="${p.r}" stroke="${TONES[p.tone]}" stroke-width="${p.width}" fill="${p.fill ? TONES[p.fill] : "none"}"/>`;
    return `<path d="${p.d}" stroke="${p.tone ? TONES[p.tone] : "none"}" stroke-width="${p.width}" fill="${p.fill ? TONES[p.fill] : "none"}" stroke-linecap="round" stroke-linejoin="round"/>`;
  }).join("");
  return body;
}
const all = [...Object.entries(EXERCISE_POSES), ...Object.entries(CAPACITY_TEST_POSES).map(([k, v]) => [`TEST ${k}`, v] as const)];
const filter = process.argv[2];
const items = all.filter(([n]) => !filter || n.toLowerCase().includes(filter.toLowerCase()));
const cellW = 420, cellH = 230, cols = 4;
const rows = Math.ceil(items.length / cols);
let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${cellW * cols}" height="${cellH * rows}"><rect width="100%" height="100%" fill="#fff"/>`;
items.forEach(([name, pose], i) => {
  const d = drawExercise(pose);
  const x = (i % cols) * cellW, y = Math.floor(i / cols) * cellH;
  const s = Math.min((cellW - 20) / d.width, (cellH - 36) / d.height);
  out += `<text x="${x + 10}" y="${y + 18}" font-size="15" font-family="sans-serif">${name.replace(/&/g, "&amp;")}</text>`;
  out += `<rect x="${x + 5}" y="${y + 24}" width="${cellW - 10}" height="${cellH - 28}" fill="none" stroke="#ddd"/>`;
  out += `<g transform="translate(${x + 10} ${y + 28}) scale(${s})">${svg(d)}</g>`;
});
out += "</svg>";
writeFileSync("/tmp/exercise-art-sheet.svg", out);
await sharp(Buffer.from(out)).png().toFile(process.argv[3] ?? "/tmp/exercise-art-sheet.png");
console.log("ok", items.length);
