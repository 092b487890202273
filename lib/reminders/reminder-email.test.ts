import { describe, expect, it } from "vitest";
import { reminderEmail } from "./reminder-email";

describe("reminder email", () => {
  it("names the clinic and carries both links, nothing else", () => {
    const m = reminderEmail({ clinicName: "North Physio", checkInUrl: "https://x.test/r/abc", stopUrl: "https://x.test/r/abc/stop" });
    expect(m.subject).toBe("A reminder from North Physio: time for your check-in");
    expect(m.text).toContain("https://x.test/r/abc\n");
    expect(m.text).toContain("https://x.test/r/abc/stop");
    expect(m.html).toContain('href="https://x.test/r/abc/stop"');
  });
  it("escapes the clinic name in HTML and keeps the subject one line", () => {
    const m = reminderEmail({ clinicName: "A&B <Physio>\r\nBcc: x@y", checkInUrl: "u", stopUrl: "s" });
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.html).toContain("A&amp;B &lt;Physio&gt;");
    expect(m.html).not.toContain("<Physio>");
  });
});
