import { describe, expect, it } from "vitest";
import { checkInsOpen } from "@/lib/checkins/check-ins-open";
import { finishedNoticeText } from "@/lib/plans/finished-notice";
import { clinicContactOf, contactSentenceParts, partsText, telHref } from "./clinic-contact";
import { clinicSettingsSchema } from "@/lib/validation/admin";

const contact = (phone?: string, email?: string) => clinicContactOf({ clinicName: "Harbour Physio", contactPhone: phone, contactEmail: email });

describe("clinic contact", () => {
  it("dials the digits with a leading +, nothing else", () => {
    expect(telHref("+44 (0)20 7946-0000")).toBe("tel:+4402079460000");
    expect(telHref("020 7946 0000")).toBe("tel:02079460000");
  });

  it("names the clinic and each detail that is set, or just 'your clinic'", () => {
    const lead = "Questions? Contact";
    expect(partsText(contactSentenceParts(lead, contact("020 7946 0000", "desk@harbour.test")))).toBe("Questions? Contact Harbour Physio: call 020 7946 0000 or email desk@harbour.test.");
    expect(partsText(contactSentenceParts(lead, contact("020 7946 0000")))).toBe("Questions? Contact Harbour Physio: call 020 7946 0000.");
    expect(partsText(contactSentenceParts(lead, contact(undefined, "desk@harbour.test")))).toBe("Questions? Contact Harbour Physio: email desk@harbour.test.");
    expect(partsText(contactSentenceParts(lead, contact("  ", "")))).toBe("Questions? Contact your clinic.");
    const links = contactSentenceParts(lead, contact("020 7946 0000", "desk@harbour.test")).filter((p) => typeof p !== "string");
    expect(links).toEqual([
      { kind: "tel", text: "020 7946 0000", href: "tel:02079460000" },
      { kind: "mailto", text: "desk@harbour.test", href: "mailto:desk@harbour.test" },
    ]);
  });
});

describe("checkInsOpen", () => {
  it("is open for an active patient and closed, with the finished-program notice, for a discharged one", () => {
    expect(checkInsOpen("active", contact("020 7946 0000"))).toEqual({ open: true });
    const closed = checkInsOpen("discharged", contact("020 7946 0000"));
    expect(closed.open).toBe(false);
    if (closed.open) return;
    const text = finishedNoticeText(closed.notice);
    expect(text).toMatch(/^Your clinic has finished your program\. Harbour Physio has finished working with you on this plan, so check-ins are closed/);
    expect(text).toContain("contact Harbour Physio: call 020 7946 0000.");
    expect(text).toContain("When to stop and seek care");
  });
});

describe("contact fields of the settings schema", () => {
  const base = { units: "km", paperSize: "A4", idleTimeoutMinutes: "15" };
  const errors = (o: Record<string, string>) => {
    const r = clinicSettingsSchema.safeParse({ ...base, ...o });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };
  it("accepts empty, a dialable number of 6-30 characters and a real email; refuses the rest", () => {
    expect(errors({ contactPhone: "", contactEmail: "" })).not.toHaveProperty("contactPhone");
    expect(errors({ contactPhone: "+1 (555) 010-9999", contactEmail: "a@clinic.test" })).not.toHaveProperty("contactEmail");
    expect(errors({ contactPhone: "+1 (555) 010-9999" })).not.toHaveProperty("contactPhone");
    for (const bad of ["12345", "1".repeat(31), "0207 946 000x", "+44 ()-  "]) expect(errors({ contactPhone: bad })).toHaveProperty("contactPhone");
    for (const bad of ["clinic", "clinic@", "@clinic.test", "a b@clinic.test"]) expect(errors({ contactEmail: bad })).toHaveProperty("contactEmail");
  });
});
