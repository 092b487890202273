import { describe, expect, it } from "vitest";
import { echoableValues, formDataToObject, NUL_MESSAGE, nulFieldErrors } from "./form-data";

const fd = (entries: Array<[string, string]>) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("a posted form as an object", () => {
  // Found by the fuzz (tests/integration/fuzz-actions.test.ts): "constructor" read Object's own
  // property and came out as [function, "1"].
  it("keeps fields named like Object's own properties as the strings posted", () => {
    const o = formDataToObject(fd([["constructor", "1"], ["toString", "2"], ["__proto__", "3"], ["valueOf", "4"], ["valueOf", "5"]]));
    expect(o.constructor).toBe("1");
    expect(o.toString).toBe("2");
    expect(Object.getOwnPropertyDescriptor(o, "__proto__")?.value).toBe("3");
    expect(o.valueOf).toEqual(["4", "5"]);
    expect(echoableValues(o)).toMatchObject({ constructor: "1", toString: "2", valueOf: "4\n5" });
  });

  it("names every field whose text holds a NUL, repeats included", () => {
    expect(nulFieldErrors({ a: "fine", b: "x\u0000y", c: ["ok", "\u0000"] }, NUL_MESSAGE)).toEqual({ b: [NUL_MESSAGE], c: [NUL_MESSAGE] });
    expect(nulFieldErrors({ a: "fine", b: ["ok"] }, NUL_MESSAGE)).toBeNull();
  });
});
