import { describe, expect, it } from "vitest";
import { finishedNotice } from "@/lib/plans/finished-notice";
import { darkShare, pdfPageTexts, textAt } from "@/tests/support/pdf-text";
import { buildReportModel } from "./report-model";
import { renderPlanPdf } from "./render-plan-pdf";
import { samplePausedReportInput, sampleReportInput } from "./sample";

// The patient's link and its QR code are what they keep from the printout: page 1, whatever the
// plan's length (issue 14), printed once.

const LINK = sampleReportInput().link!;

describe("the link block on the PDF", () => {
  it.each([
    ["a four-stage plan", sampleReportInput()],
    ["a plan paused for a doctor", samplePausedReportInput()],
    ["a discharged patient's plan, under the finished notice", sampleReportInput({ finished: finishedNotice({ clinicName: "Harbour Sports Physio", phone: "+44 20 7946 0000", email: "desk@clinic.test" }) })],
  ])("is on page 1 and nowhere else for %s", async (_name, input) => {
    const pages = await pdfPageTexts(await renderPlanPdf(buildReportModel(input)));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain("Your plan online");
    expect(pages[0]).toContain(LINK);
    expect(pages.slice(1).join(" ")).not.toContain(LINK);
    expect(pages.slice(1).join(" ")).not.toContain("Your plan online");
  });

  it("draws the QR code on page 1 when there is a link, and none without one", async () => {
    const withLink = await renderPlanPdf(buildReportModel(sampleReportInput()));
    const without = await renderPlanPdf(buildReportModel(sampleReportInput({ link: null })));
    // Left of the block's heading, where the QR code sits (found from the heading, not fixed
    // coordinates, so other changes to page 1 do not move the test's window off it).
    const head = await textAt(withLink, 1, "Your plan online");
    expect(head).not.toBeNull();
    const box = { x: head!.x - 90, y: head!.y - 10, w: 70, h: 50 };
    const qr = await darkShare(withLink, 1, box);
    const noHead = (await textAt(without, 1, "Your plan online"))!;
    const none = await darkShare(without, 1, { ...box, x: noHead.x, y: noHead.y - 10 });
    // A QR code is about half dark modules; lines of text over the same area are far lighter.
    expect(qr).toBeGreaterThan(0.3);
    expect(qr).toBeGreaterThan(none * 2.5);
    expect((await pdfPageTexts(without))[0]).toContain("Your clinician gives you a private link");
  });
});
