import { Document, Link, Page, Path, StyleSheet, Svg, Text, View, type Styles } from "@react-pdf/renderer";
import { finishedNoticeParagraphs } from "@/lib/plans/finished-notice";
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
  facts: { marginTop: 4, marginBottom: 2 },
  factRow: { flexDirection: "row", paddingVertical: 1.5, borderBottomWidth: 0.5, borderBottomColor: "#bbbbbb" },
  factLabel: { width: 90, fontWeight: "bold" },
  factValue: { flex: 1 },
  table: { borderWidth: 0.75, borderColor: INK, marginTop: 3 },
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

function Bullets({ items }: { items: string[] }) {
  return (
    <View>
      {items.map((t, i) => (
        <View key={i} style={s.bulletRow} wrap={false}>
          <Text style={s.bullet}>•</Text>
          <Text style={s.bulletText}>{t}</Text>
        </View>
      ))}
    </View>
  );
}

const swatch: Record<ReportPainRule["level"], Styles[string]> = {
  green: { backgroundColor: "#ffffff" },
  amber: { backgroundColor: "#bdbdbd" },
  red: { backgroundColor: INK, color: "#ffffff" },
};

const allPaused = (m: ReportModel) => m.stages.length > 0 && m.stages.every((st) => st.paused !== null);

function Stage({ stage }: { stage: ReportStage }) {
  return (
    <View>
      {/* Heading and settings stay together, with room for what follows. */}
      <View wrap={false} minPresenceAhead={120}>
        <View style={s.stageHead}>
          <Text style={s.stageTitle}>{stage.heading}</Text>
        </View>
        {stage.paused ? (
          <View style={[s.box, { borderWidth: 2 }]}>
            <Text style={{ fontWeight: "bold" }}>{stage.paused}</Text>
          </View>
        ) : null}
        {stage.facts.length ? (
          <View style={s.facts}>
            {stage.facts.map((f) => (
              <View key={f.label} style={s.factRow}>
                <Text style={s.factLabel}>{f.label}</Text>
                <Text style={s.factValue}>{f.value}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>
      {stage.swaps.length ? (
        <View wrap={false}>
          <Text style={s.h3}>Swap in instead of some sessions</Text>
          <Bullets items={stage.swaps} />
        </View>
      ) : null}
      {stage.strength.length ? (
        <View>
          <Text style={s.h3} minPresenceAhead={100}>
            Strength work, twice a week
          </Text>
          <View style={s.table}>
            {stage.strength.map((x, i) => (
              // The header row travels with the first exercise, so it is never left alone at a page foot.
              <View key={i} wrap={false}>
                {i === 0 ? (
                  <View style={[s.tr, s.th]}>
                    <Text style={s.tdEx}>Exercise</Text>
                    <Text style={s.tdSets}>Sets</Text>
                    <Text style={s.tdReps}>Reps</Text>
                    <Text style={s.tdHow}>How to do it</Text>
                  </View>
                ) : null}
                <View style={s.tr}>
                  <Text style={[s.tdEx, { fontWeight: "bold" }]}>{x.exercise}</Text>
                  <Text style={s.tdSets}>{x.sets}</Text>
                  <Text style={s.tdReps}>{x.reps}</Text>
                  <Text style={s.tdHow}>
                    {x.howTo ?? ""}
                    {x.note ? `${x.howTo ? " " : ""}${x.note}` : ""}
                  </Text>
                </View>
              </View>
            ))}
          </View>
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

export function PlanDocument({ model, qr }: { model: ReportModel; qr: { size: number; d: string } | null }) {
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

        <View wrap={false}>
          <Text style={s.h2}>What to do this week</Text>
          <Bullets items={model.thisWeek} />
        </View>

        <View wrap={false}>
          <Text style={s.h2}>Pain traffic light</Text>
          {model.painRules.map((p) => (
            <View key={p.level} style={s.painRow}>
              <Text style={[s.painSwatch, swatch[p.level]]}>{p.label}</Text>
              <View style={{ flex: 1 }}>
                <Text>{p.when}</Text>
                <Text style={{ fontWeight: "bold" }}>{p.then}</Text>
              </View>
            </View>
          ))}
          <View style={s.box}>
            <Text>{model.rule24h}</Text>
          </View>
        </View>

        {/* A paused plan is one short stage: it follows on page 1 rather than opening a new page. */}
        <Text style={s.h2} break={!allPaused(model)}>
          Your stages
        </Text>
        {allPaused(model) ? null : <Text style={s.small}>Move through the stages in order. Each lasts as long as it takes to meet its “move on” criteria.</Text>}
        {model.stages.map((st) => (
          <Stage key={st.number} stage={st} />
        ))}

        <View wrap={false}>
          <Text style={s.h2}>Lighter weeks</Text>
          <Text>{model.deload}</Text>
        </View>

        {model.advice.length ? (
          <View wrap={false}>
            <Text style={s.h2}>Good to know</Text>
            <Bullets items={model.advice} />
          </View>
        ) : null}

        {model.notes ? (
          <View wrap={false}>
            <Text style={s.h2}>Notes from your clinician</Text>
            <Text>{model.notes}</Text>
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
