import { describe, expect, it } from "vitest";
import { QUEUE_MAX_SHOWN, QUEUE_PAGE_SIZE, queueShown } from "./queue-page";

describe("how many review cards a page shows", () => {
  it("shows one page by default and for anything that is not a number", () => {
    for (const raw of [undefined, "", "abc", "-5", "1e3", "0"]) expect(queueShown(raw)).toBe(QUEUE_PAGE_SIZE);
  });
  it("rounds up to whole pages", () => {
    expect(queueShown(String(QUEUE_PAGE_SIZE * 2))).toBe(QUEUE_PAGE_SIZE * 2);
    expect(queueShown(String(QUEUE_PAGE_SIZE + 1))).toBe(QUEUE_PAGE_SIZE * 2);
  });
  it("never shows more than the cap", () => {
    expect(queueShown("9999")).toBe(QUEUE_MAX_SHOWN);
    expect(queueShown("99999")).toBe(QUEUE_PAGE_SIZE);
  });
});
