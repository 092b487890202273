import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { WithheldNotice } from "@/lib/plans/withheld-notice";
import { FONT_FAMILY } from "./plan-document";
import { contactLineOf, type PaperSize } from "./report-model";

// The one page printed instead of a plan whose red-flag gate is closed (ADR 0013): the notice
// the clinic's name and how to reach it, nothing of the plan.
const s = StyleSheet.create({
  page: { fontFamily: FONT_FAMILY, fontSize: 12, color: "#111111", padding: 56, lineHeight: 1.45 },
  clinic: { fontSize: 11, fontWeight: "bold", textTransform: "uppercase", letterSpacing: 0.6 },
  box: { borderWidth: 3, borderColor: "#111111", padding: 16, marginTop: 18 },
  title: { fontSize: 22, fontWeight: "bold", marginBottom: 10 },
  p: { marginBottom: 8 },
  contact: { marginTop: 14, fontSize: 12 },
});

export function WithheldDocument({ notice, paperSize }: { notice: WithheldNotice; paperSize: PaperSize }) {
  return (
    <Document title={notice.title} author={notice.clinicName}>
      <Page size={paperSize} style={s.page}>
        {notice.clinicName ? <Text style={s.clinic}>{notice.clinicName}</Text> : null}
        <View style={s.box}>
          <Text style={s.title}>{notice.title}</Text>
          {notice.paragraphs.map((p) => (
            <Text key={p} style={s.p}>
              {p}
            </Text>
          ))}
        </View>
        {notice.contact ? (
          <View style={s.contact}>
            <Text style={{ fontWeight: "bold" }}>Contact your clinic</Text>
            <Text>{contactLineOf(notice.contact)}</Text>
          </View>
        ) : null}
      </Page>
    </Document>
  );
}
