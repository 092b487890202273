import { Document, Link, Page, Path, StyleSheet, Svg, Text, View, type Styles } from "@react-pdf/renderer";
import { artForExercise } from "@/lib/exercise-art";
import { finishedNoticeParagraphs } from "@/lib/plans/finished-notice";
import { ExerciseFigurePdf, type PdfPhoto } from "./exercise-figure-pdf";
import { contactLineOf, type ReportModel, type ReportPainRule, type ReportSessionLog, type ReportStage } from "./report-model";

// Renders a ReportModel and nothing else: no queries, no decisions (conventions). Black and
// white by design: the traffic light is told by words and fill (light, mid, solid), never by hue,
// so a greyscale printout reads the same.

export const FONT_FAMILY = "DejaVuSansCondensed";

const INK = "#111111";
// Points. A dynamic (render) text positioned from the bottom is dropped by react-pdf, so the page
// number is placed from the top.
const PAGE_HEIGHT = { A4: 841.89, LETTER: 792 } as const;
const MUTED = "#444444";
const RULE = "#777777";

const s = StyleSheet.create({
  page: { fontFamily: FONT_FAMILY, fontSize: 9.5, color: INK, paddingTop: 40, paddingBottom: 52, paddingHorizontal: 44, lineHeight: 1.35 },
  runningHead: { position: "absolute", top: 16, left: 44, right: 44, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: MUTED },
  footerLeft: { position: "absolute", bottom: 22, left: 44, right: 140, fontSize: 8, color: MUTED, borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 4 },
  footerRight: { position: "absolute", right: 44, width: 96, fontSize: 8, color: MUTED, textAlign: "right", borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 4 },
  draft: { fontSize: 9, fontWeight: "bold", borderWidth: 1, borderColor: INK, borderStyle: "dashed", padding: 4, marginBottom: 8, textAlign: "center" },
  clinic: { fontSize: 11, fontWeight: "bold", textTransform: "uppercase", letterSpacing: 0.6 },
  title: { fontSize: 20, fontWeight: "bold", marginTop: 4, marginBottom: 10 },
  metaRow: { flexDirection: "row", borderTopWidth: 1.5, borderBottomWidth: 0.5, borderColor: INK, paddingVertical: 5, marginBottom: 10 },
  metaCell: { flexGrow: 1, flexBasis: 0 },
  metaLabel: { fontSize: 7.5, color: MUTED, textTransform: "uppercase" },
  metaValue: { fontSize: 10.5, fontWeight: "bold" },
  verdict: { borderWidth: 2, borderColor: INK, padding: 8, marginBottom: 10 },
  verdictLabel: { fontSize: 14, fontWeight: "bold", marginBottom: 3 },
  h2: { fontSize: 13, fontWeight: "bold", marginTop: 10, marginBottom: 4, borderBottomWidth: 1, borderBottomColor: INK, paddingBottom: 2 },
  h3: { fontSize: 10.5, fontWeight: "bold", marginTop: 6, marginBottom: 2 },
  bulletRow: { flexDirection: "row", marginBottom: 1.5 },
  bullet: { width: 10 },
  bulletText: { flex: 1 },
  painRow: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 4, alignItems: "flex-start" },
  painSwatch: { width: 92, marginRight: 8, paddingVertical: 3, paddingHorizontal: 4, fontSize: 9, fontWeight: "bold", borderWidth: 1, borderColor: INK, textAlign: "center" },
  box: { borderWidth: 1, borderColor: INK, padding: 6, marginTop: 6 },
  stageHead: { marginTop: 12, paddingLeft: 6, borderLeftWidth: 4, borderLeftColor: INK },
  stageTitle: { fontSize: 13, fontWeight: "bold" },
  factRow: { flexDirection: "row", paddingVertical: 1.5, borderBottomWidth: 0.5, borderBottomColor: "#bbbbbb" },
  factLabel: { width: 90, fontWeight: "bold" },
  factValue: { flex: 1 },
  // The strength table's frame is drawn row by row (sides on every row, top on the first, bottom on
  // the last), so its heading can travel inside the first row's unbreakable group.
  tableSides: { borderLeftWidth: 0.75, borderRightWidth: 0.75, borderColor: INK },
  tableTop: { borderTopWidth: 0.75, borderTopColor: INK, marginTop: 3 },
  tableBottom: { borderBottomWidth: 0.75, borderBottomColor: INK },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE },
  th: { fontWeight: "bold", backgroundColor: "#e6e6e6" },
  tdEx: { width: "30%", padding: 3 },
  tdSets: { width: "9%", padding: 3, textAlign: "center" },
  tdReps: { width: "21%", padding: 3 },
  tdHow: { width: "40%", padding: 3, fontSize: 8.5 },
  twoCol: { flexDirection: "row", marginTop: 4 },
  col: { flex: 1, paddingRight: 8 },
  small: { fontSize: 8.5, color: MUTED },
  linkRow: { flexDirection: "row", alignItems: "center", marginBottom: 10, borderWidth: 1, borderColor: INK, padding: 8 },
  qr: { width: 96, height: 96, marginRight: 12 },
  linkText: { fontSize: 10, fontWeight: "bold", color: INK, textDecoration: "none" },
  // The session log: ruled rows to write in by hand, with room for a pen (about 1 cm a row).
  logTitle: { fontSize: 18, fontWeight: "bold", lineHeight: 1.2, marginBottom: 6 },
  logTable: { borderWidth: 1, borderColor: INK, marginTop: 8 },
  logHead: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: INK, backgroundColor: "#e6e6e6" },
  logRow: { flexDirection: "row", height: 30, borderBottomWidth: 0.5, borderBottomColor: RULE },
  logCell: { borderRightWidth: 0.5, borderRightColor: RULE, paddingHorizontal: 4, justifyContent: "center" },
  logHeadText: { fontSize: 8.5, fontWeight: "bold" },
  logHint: { fontSize: 7, color: MUTED },
  logOutOf: { fontSize: 8, color: "#8a8a8a", textAlign: "right" },
  logTick: { width: 12, height: 12, borderWidth: 1, borderColor: INK, alignSelf: "center" },
  logLight: { fontSize: 7.5, fontWeight: "bold", textAlign: "center", paddingVertical: 2, borderTopWidth: 0.5, borderTopColor: INK },
  keyRow: { flexDirection: "row", alignItems: "flex-start", marginTop: 4 },
  keySwatch: { width: 50, marginRight: 8, paddingVertical: 2, fontSize: 8.5, fontWeight: "bold", borderWidth: 1, borderColor: INK, textAlign: "center" },
});

// Column widths of the log, in % of the table: the three ticks share the last quarter.
const W = { date: "13%", session: "35%", pain: "14%", morning: "14%", tick: "8%" } as const;

function SessionLogPage({ log }: { log: ReportSessionLog }) {
  const cols = log.columns;
  return (
    <View break>
      <Text style={s.logTitle}>{log.title}</Text>
      <Text>{log.intro}</Text>
      <View style={s.logTable}>
        <View style={s.logHead}>
          <View style={[s.logCell, { width: W.date, paddingVertical: 4 }]}>
            <Text style={s.logHeadText}>{cols.date}</Text>
          </View>
          <View style={[s.logCell, { width: W.session, paddingVertical: 4 }]}>
            <Text style={s.logHeadText}>{cols.session}</Text>
            <Text style={s.logHint}>{cols.sessionHint}</Text>
          </View>
          <View style={[s.logCell, { width: W.pain, paddingVertical: 4 }]}>
            <Text style={s.logHeadText}>{cols.painDuring}</Text>
          </View>
          <View style={[s.logCell, { width: W.morning, paddingVertical: 4 }]}>
            <Text style={s.logHeadText}>{cols.nextMorning}</Text>
          </View>
          <View style={{ width: "24%" }}>
            <Text style={[s.logHeadText, { textAlign: "center", paddingTop: 4, paddingBottom: 3 }]}>{cols.light}</Text>
            <View style={{ flexDirection: "row" }}>
              {log.key.map((k, i) => (
                <Text key={k.level} style={[s.logLight, swatch[k.level], { width: "33.33%", borderLeftWidth: i === 0 ? 0 : 0.5, borderLeftColor: INK }]}>
                  {k.label}
                </Text>
              ))}
            </View>
          </View>
        </View>
        {Array.from({ length: log.rows }, (_, r) => (
          <View key={r} style={[s.logRow, r === log.rows - 1 ? { borderBottomWidth: 0 } : {}]} wrap={false}>
            <View style={[s.logCell, { width: W.date }]} />
            <View style={[s.logCell, { width: W.session }]} />
            <View style={[s.logCell, { width: W.pain }]}>
              <Text style={s.logOutOf}>/10</Text>
            </View>
            <View style={[s.logCell, { width: W.morning }]}>
              <Text style={s.logOutOf}>/10</Text>
            </View>
            {log.key.map((k, i) => (
              <View key={k.level} style={[s.logCell, { width: W.tick }, i === log.key.length - 1 ? { borderRightWidth: 0 } : {}]}>
                <View style={s.logTick} />
              </View>
            ))}
          </View>
        ))}
      </View>
      <View wrap={false} style={{ marginTop: 10 }}>
        <Text style={s.h3}>Which light to tick</Text>
        {log.key.map((k) => (
          <View key={k.level} style={s.keyRow}>
            <Text style={[s.keySwatch, swatch[k.level]]}>{k.label.toUpperCase()}</Text>
            <Text style={{ flex: 1 }}>{k.when}</Text>
          </View>
        ))}
      </View>
      <View wrap={false} style={[s.box, { borderWidth: 2, marginTop: 10 }]}>
        <Text style={{ fontWeight: "bold", fontSize: 10.5 }}>{log.bring}</Text>
      </View>
    </View>
  );
}

// The picture sits under the exercise's name, at most 4.5 cm wide and 2.3 cm tall: a standing
// figure's two positions then print about 2 cm wide, a lying one 4.5 cm (ADR 0027).
const FIGURE_MAX = { width: 128, height: 66 } as const;

// An exercise repeated in a later stage points back to its picture instead of printing it again,
// which keeps the sample plan at 7 pages instead of 8.
function ExerciseCell({ name, pictureIn, photos, stage }: { name: string; pictureIn: ReadonlyMap<string, number>; photos: ReadonlyMap<string, PdfPhoto>; stage: number }) {
  const art = artForExercise(name);
  const first = pictureIn.get(name);
  const photo = photos.get(name);
  return (
    <View style={s.tdEx}>
      <Text style={{ fontWeight: "bold" }}>{name}</Text>
      {art && first === stage ? <ExerciseFigurePdf drawing={art.drawing} photo={photo} maxWidth={FIGURE_MAX.width} maxHeight={FIGURE_MAX.height} style={{ marginTop: 3 }} /> : null}
      {art && first !== undefined && first !== stage ? <Text style={s.small}>Picture in Stage {first}</Text> : null}
    </View>
  );
}

/** The stage whose table first prints each exercise that has a picture. */
function firstPictures(m: ReportModel): Map<string, number> {
  const out = new Map<string, number>();
  for (const st of m.stages) for (const x of st.strength) if (!out.has(x.exercise) && artForExercise(x.exercise)) out.set(x.exercise, st.number);
  return out;
}

function Bullet({ text }: { text: string }) {
  return (
    <View style={s.bulletRow} wrap={false}>
      <Text style={s.bullet}>•</Text>
      <Text style={s.bulletText}>{text}</Text>
    </View>
  );
}

function Bullets({ items }: { items: string[] }) {
  return (
    <View>
      {items.map((t, i) => (
        <Bullet key={i} text={t} />
      ))}
    </View>
  );
}

/**
 * A section that flows: its heading and first item are one unbreakable group, so the heading is
 * never left alone at a page foot, and the rest may continue on the next page. (A whole section
 * held together with wrap={false} jumps to the next page as a block and leaves a gap behind it.)
 */
function FlowingSection({ title, first, children }: { title: string; first: React.ReactNode; children?: React.ReactNode }) {
  return (
    <View>
      <View wrap={false}>
        <Text style={s.h2}>{title}</Text>
        {first}
      </View>
      {children}
    </View>
  );
}

const BulletSection = ({ title, items }: { title: string; items: string[] }) => (
  <FlowingSection title={title} first={items[0] !== undefined ? <Bullet text={items[0]} /> : null}>
    {items.slice(1).map((t, i) => (
      <Bullet key={i} text={t} />
    ))}
  </FlowingSection>
);

const swatch: Record<ReportPainRule["level"], Styles[string]> = {
  green: { backgroundColor: "#ffffff" },
  amber: { backgroundColor: "#bdbdbd" },
  red: { backgroundColor: INK, color: "#ffffff" },
};

const allPaused = (m: ReportModel) => m.stages.length > 0 && m.stages.every((st) => st.paused !== null);

// Points: a stage's heading and its first two settings, so "Your stages" never ends a page alone.
const STAGE_HEAD_ROOM = 70;

function PainRow({ rule }: { rule: ReportModel["painRules"][number] }) {
  return (
    <View style={s.painRow} wrap={false}>
      <Text style={[s.painSwatch, swatch[rule.level]]}>{rule.label}</Text>
      <View style={{ flex: 1 }}>
        <Text>{rule.when}</Text>
        <Text style={{ fontWeight: "bold" }}>{rule.then}</Text>
      </View>
    </View>
  );
}

const FactRow = ({ fact }: { fact: ReportStage["facts"][number] }) => (
  <View style={s.factRow} wrap={false}>
    <Text style={s.factLabel}>{fact.label}</Text>
    <Text style={s.factValue}>{fact.value}</Text>
  </View>
);

function Stage({ stage, pictureIn, photos }: { stage: ReportStage; pictureIn: ReadonlyMap<string, number>; photos: ReadonlyMap<string, PdfPhoto> }) {
  return (
    <View>
      {/* The heading keeps its first two settings with it; the other settings may go on over the page. */}
      <View wrap={false}>
        <View style={s.stageHead}>
          <Text style={s.stageTitle}>{stage.heading}</Text>
        </View>
        {stage.paused ? (
          <View style={[s.box, { borderWidth: 2 }]}>
            <Text style={{ fontWeight: "bold" }}>{stage.paused}</Text>
          </View>
        ) : null}
        {stage.facts.length ? (
          <View style={{ marginTop: 4 }}>
            {stage.facts.slice(0, 2).map((f) => (
              <FactRow key={f.label} fact={f} />
            ))}
          </View>
        ) : null}
      </View>
      {stage.facts.length > 2 ? (
        <View style={{ marginBottom: 2 }}>
          {stage.facts.slice(2).map((f) => (
            <FactRow key={f.label} fact={f} />
          ))}
        </View>
      ) : null}
      {stage.swaps.length ? (
        <View>
          <View wrap={false}>
            <Text style={s.h3}>Swap in instead of some sessions</Text>
            <Bullet text={stage.swaps[0]!} />
          </View>
          {stage.swaps.slice(1).map((t, i) => (
            <Bullet key={i} text={t} />
          ))}
        </View>
      ) : null}
      {stage.strength.length ? (
        <View>
          {stage.strength.map((x, i) => (
            // The heading and the header row travel with the first exercise, so neither is left
            // alone at a page foot (minPresenceAhead cannot see past a first child's parent).
            <View key={i} wrap={false}>
              {i === 0 ? <Text style={s.h3}>Strength work, twice a week</Text> : null}
              <View style={[s.tableSides, i === 0 ? s.tableTop : {}, i === stage.strength.length - 1 ? s.tableBottom : {}]}>
                {i === 0 ? (
                  <View style={[s.tr, s.th]}>
                    <Text style={s.tdEx}>Exercise</Text>
                    <Text style={s.tdSets}>Sets</Text>
                    <Text style={s.tdReps}>Reps</Text>
                    <Text style={s.tdHow}>How to do it</Text>
                  </View>
                ) : null}
                <View style={s.tr}>
                  <ExerciseCell name={x.exercise} pictureIn={pictureIn} photos={photos} stage={stage.number} />
                  <Text style={s.tdSets}>{x.sets}</Text>
                  <Text style={s.tdReps}>{x.reps}</Text>
                  <Text style={s.tdHow}>
                    {x.howTo ?? ""}
                    {x.note ? `${x.howTo ? " " : ""}${x.note}` : ""}
                  </Text>
                </View>
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <View style={s.twoCol} wrap={false}>
        <View style={s.col}>
          <Text style={s.h3}>{stage.paused ? "Training starts again when" : "Move on when"}</Text>
          <Bullets items={stage.moveOn} />
        </View>
        <View style={s.col}>
          <Text style={s.h3}>{stage.paused ? "Get care sooner if" : "Step back when"}</Text>
          <Bullets items={stage.stepBack} />
        </View>
      </View>
      {stage.notes ? (
        <View style={s.box} wrap={false}>
          <Text style={{ fontWeight: "bold" }}>Note from your clinician</Text>
          <Text>{stage.notes}</Text>
        </View>
      ) : null}
    </View>
  );
}

export function PlanDocument({
  model,
  qr,
  pictures: withPictures = true,
  photos = new Map(),
}: {
  model: ReportModel;
  qr: { size: number; d: string } | null;
  pictures?: boolean;
  /** The clinic's own photos by exercise name; each replaces that exercise's drawing (ADR 0028). */
  photos?: ReadonlyMap<string, PdfPhoto>;
}) {
  // Without pictures (the bench's comparison) no exercise has a first picture, so none prints.
  const pictures = withPictures ? firstPictures(model) : new Map<string, number>();
  return (
    <Document title={`${model.title} · ${model.patientName}`} author={model.clinicName} subject="Home program" language="en" creator="Loadwise" producer="Loadwise">
      <Page size={model.paperSize} style={s.page}>
        <Text style={s.runningHead} fixed render={({ pageNumber }) => (pageNumber > 1 ? `${model.patientName} · ${model.title} · ${model.dateText}` : "")} />
        <Text style={s.footerLeft} fixed>
          {model.footer}
        </Text>
        <Text style={[s.footerRight, { top: PAGE_HEIGHT[model.paperSize] - 36 }]} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        {model.draft ? <Text style={s.draft}>DRAFT PREVIEW: not yet published to the patient</Text> : null}
        <Text style={s.clinic}>{model.clinicName}</Text>
        {model.contact ? <Text style={s.small}>Contact your clinic: {contactLineOf(model.contact)}</Text> : null}
        <Text style={s.title}>{model.title}</Text>
        <View style={s.metaRow}>
          <View style={s.metaCell}>
            <Text style={s.metaLabel}>Patient</Text>
            <Text style={s.metaValue}>{model.patientName}</Text>
          </View>
          <View style={s.metaCell}>
            <Text style={s.metaLabel}>Clinician</Text>
            <Text style={s.metaValue}>{model.clinicianName}</Text>
          </View>
          <View style={s.metaCell}>
            <Text style={s.metaLabel}>Date</Text>
            <Text style={s.metaValue}>{model.dateText}</Text>
          </View>
        </View>

        {model.finished ? (
          <View style={[s.box, { borderWidth: 2, marginTop: 0, marginBottom: 10 }]} wrap={false}>
            <Text style={s.verdictLabel}>{model.finished.title}</Text>
            {finishedNoticeParagraphs(model.finished).map((p) => (
              <Text key={p} style={{ marginTop: 3 }}>
                {p}
              </Text>
            ))}
          </View>
        ) : null}

        <View style={s.verdict} wrap={false}>
          <Text style={s.metaLabel}>Where you are</Text>
          <Text style={s.verdictLabel}>{model.verdict.label}</Text>
          <Text>{model.verdict.summary}</Text>
        </View>

        {/* Page 1, high up, whatever follows: the link and its QR code are what the patient keeps. */}
        <View wrap={false} style={s.linkRow}>
          {qr ? (
            <Svg viewBox={`0 0 ${qr.size} ${qr.size}`} style={s.qr}>
              <Path d={qr.d} fill="#000000" />
            </Svg>
          ) : null}
          <View style={{ flex: 1 }}>
            <Text style={{ fontWeight: "bold", fontSize: 11 }}>Your plan online</Text>
            <Text style={s.small}>{model.linkText}</Text>
            {model.link ? (
              <Link src={model.link} style={s.linkText}>
                {model.link}
              </Link>
            ) : null}
          </View>
        </View>

        <BulletSection title="What to do this week" items={model.thisWeek} />

        <FlowingSection title="Pain traffic light" first={model.painRules[0] ? <PainRow rule={model.painRules[0]} /> : null}>
          {model.painRules.slice(1).map((p) => (
            <PainRow key={p.level} rule={p} />
          ))}
          <View style={s.box} wrap={false}>
            <Text>{model.rule24h}</Text>
          </View>
        </FlowingSection>

        {/* The stages follow on from page 1 rather than opening a page of their own (which left a
            third of page 1 empty); the heading keeps room for the first stage's settings after it. */}
        <Text style={s.h2} minPresenceAhead={STAGE_HEAD_ROOM}>
          Your stages
        </Text>
        {allPaused(model) ? null : <Text style={s.small}>Move through the stages in order. Each lasts until you meet its “move on” points.</Text>}
        {model.stages.map((st) => (
          <Stage key={st.number} stage={st} pictureIn={pictures} photos={photos} />
        ))}

        <View wrap={false}>
          <Text style={s.h2}>Lighter weeks</Text>
          <Text>{model.deload}</Text>
        </View>

        {model.advice.length ? <BulletSection title="Good to know" items={model.advice} /> : null}

        {/* A long note flows line by line; its heading takes at least two lines of it along. */}
        {model.notes ? (
          <View>
            <Text style={s.h2} minPresenceAhead={28}>
              Notes from your clinician
            </Text>
            <Text orphans={2}>{model.notes}</Text>
          </View>
        ) : null}

        <View wrap={false} style={[s.box, { borderWidth: 2, marginTop: 12 }]}>
          <Text style={[s.h2, { marginTop: 0 }]}>When to stop and seek care</Text>
          <Bullets items={model.seekCare} />
        </View>

        {model.sessionLog ? <SessionLogPage log={model.sessionLog} /> : null}
      </Page>
    </Document>
  );
}
