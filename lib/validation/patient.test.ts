import { describe, expect, it } from "vitest";
import { patientFormSchema } from "./patient";

const base = { firstName: "A", lastName: "B", dateOfBirth: "1990-02-28", sex: "female", sport: "running" };

describe("patientFormSchema", () => {
  it("accepts a minimal patient and turns empty optionals into undefined", () => {
    const r = patientFormSchema.parse({ ...base, level: "", email: "", phone: "", notes: "" });
    expect(r).toEqual({ firstName: "A", lastName: "B", dateOfBirth: "1990-02-28", sex: "female", sport: "running" });
  });

  it.each([
    ["dateOfBirth", "1990-02-30", "Enter a real date"],
    ["dateOfBirth", "2999-01-01", "Date of birth cannot be in the future"],
    ["dateOfBirth", "01/02/1990", "Enter a complete date of birth: day, month and year"],
    // What a date box posts while empty or only partly filled in.
    ["dateOfBirth", "", "Enter the date of birth: day, month and year"],
    ["email", "nope", "Enter a valid email address"],
    ["phone", "call me", "Enter a phone number using digits, spaces, + ( ) - ."],
    ["sport", "golf", "Choose the main sport"],
    ["firstName", "   ", "Enter a first name"],
  ])("rejects %s = %j with a message for the field", (field, value, message) => {
    const r = patientFormSchema.safeParse({ ...base, [field]: value });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it("never names a date format the user may not see (the date box shows the browser's own)", () => {
    for (const value of ["", "   ", "1990-2-3", "03/14/1991", "14.03.1991", "1990-02-30"]) {
      const r = patientFormSchema.safeParse({ ...base, dateOfBirth: value });
      expect(r.success).toBe(false);
      for (const i of r.error!.issues) expect(i.message).not.toMatch(/YYYY|MM|DD|yyyy|mm\/dd|dd\/mm/);
    }
  });

  it("lower-cases email and trims names", () => {
    const r = patientFormSchema.parse({ ...base, firstName: "  Ann ", email: "Ann@Example.COM" });
    expect(r.firstName).toBe("Ann");
    expect(r.email).toBe("ann@example.com");
  });
});
