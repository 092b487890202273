// The words a patient must not meet, and a check for numbers that do not say what they count:
// shared by the scan of the report model and check-in words (lib/pdf/patient-words.test.ts) and
// the scan of the rendered PDF and page (lib/pdf/render-plan-pdf.test.ts).

/** A clinician's words, and what to say instead. Word-bounded where an everyday word could hold one. */
export const CLINICIAN_WORDS: [RegExp, string][] = [
  [/measurement error/i, "statistics"],
  [/\bdeficits?\b/i, "say what is weak"],
  [/\bLSI\b|limb symmetry/i, "say 'your weaker side within N % of your stronger side'"],
  [/\bRPE\b/, "say 'effort out of 10' and what it feels like"],
  [/\bNRS\b/, "say 'pain out of 10'"],
  [/irritab|irritation/i, "say what stirs it up"],
  [/\b(isometric|eccentric|concentric|plyometric)/i, "say 'hold', 'slow lowering', 'hops'"],
  [/\b(ipsi|contra|bi)lateral\b/i, "say 'the same side', 'the other side', 'both'"],
  [/\bcadence\b/i, "say 'steps'"],
  [/\bdeload/i, "say 'lighter week'"],
  [/\bdoses?\b/i, "say 'amount'"],
  [/\bvolume\b/i, "say 'amount' or 'how much'"],
  [/\bcapacity\b/i, "say 'strength'"],
  [/\bcriteri(a|on)\b/i, "say 'points' or 'when'"],
  [/\bregress/i, "say 'step back'"],
  [/\boverreach/i, "say 'too much training'"],
  [/\bre-?test\b/i, "say 'when your clinician tests it again'"],
  [/\bguarding\b/i, "say 'holding it stiff to protect it'"],
  [/\btolerable\b/i, "say 'what your body copes with'"],
  [/\bsoleus\b|\bACWR\b|acute:chronic/i, "anatomy or sports-science shorthand"],
  [/\b(push|modify|back_off|refer|urgent_referral)\b(?= verdict)|\bverdict\b/i, "the engine's verdict"],
  // A rule id: category, a dot, a snake_case name (e.g. capacity.calf_raise_below_target).
  [/\b(red_flag|capacity|load|symptoms|recovery|fatigue|checkins|neuro|acute)\.[a-z_]+/, "a rule id"],
];

/** What may follow a number so that the reader knows what it counts. */
const UNIT_AFTER =
  /^(\s?%|\/10|\s?out of 10|\s?(km|mi|h|min|minutes?|seconds?|-second|hours?|-hour|days?|weeks?|sessions?|runs?|reps?|times|strength exercises?|degrees|m|×|kg)\b|-\d)/;
/** What may come before a number that names it ("Stage 2", "week 5", "plan version 2", an emergency number). */
const NAME_BEFORE = /(Stage|stage|weeks?|version|ruleset|[Cc]all|at|of|and|Goal:)\s$/;
const MONTHS = /^\s(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** Numbers in a sentence that say neither what they count nor what they name. */
export function bareNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:\.\d+)?(?:[-–]\d+(?:\.\d+)?)?/g)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (/[\w./]$/.test(before)) continue; // inside a word, a link or a version ("2026.12.3")
    if (m[0] === "0-10") continue; // the pain and effort scale itself, "(0-10)"
    if (UNIT_AFTER.test(after) || MONTHS.test(after) || /^\s(and|to|or)\s\d/.test(after)) continue;
    if (NAME_BEFORE.test(before) || /\d\s(and|to|or)\s$/.test(before) || /\d{4}$/.test(m[0])) continue;
    out.push(`${m[0]} in "${text}"`);
  }
  return out;
}


/** Every clinician's word in a text, as "where: pattern (what to say) in text". */
export const clinicianWordsIn = (where: string, text: string) =>
  CLINICIAN_WORDS.filter(([re]) => re.test(text)).map(([re, fix]) => `${where}: ${re} (${fix}) in "${text}"`);
