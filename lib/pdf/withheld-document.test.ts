import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { clinicContactOf } from "@/lib/clinics/clinic-contact";
import { withheldNotice } from "@/lib/plans/withheld-notice";
import { renderWithheldPdf } from "./render-plan-pdf";

async function text(buf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  await doc.destroy();
  return content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join("").replace(/\s+/g, " ");
}

describe("withheld-plan PDF", () => {
  it("prints the clinic's name, phone and email under the notice", async () => {
    const notice = withheldNotice("urgent_referral", clinicContactOf({ clinicName: "Harbour Physio", contactPhone: "020 7946 0000", contactEmail: "desk@harbour.test" }));
    const t = await text(await renderWithheldPdf(notice, "A4"));
    expect(t).toContain("HARBOUR PHYSIO");
    expect(t).toContain("Please contact your clinic now");
    expect(t).toContain("Contact your clinic");
    expect(t).toContain("Phone 020 7946 0000 · Email desk@harbour.test");
  });

  it("prints no contact block when the clinic has set none", async () => {
    const t = await text(await renderWithheldPdf(withheldNotice("referral_required", clinicContactOf({ clinicName: "Harbour Physio" })), "A4"));
    expect(t).toContain("Please contact your clinic before you train again");
    expect(t).not.toContain("Phone");
    expect(t).not.toContain("Email");
  });
});
