import { describe, expect, it } from "vitest";
import { looksExecutable, sniffImageType } from "./sniff";

const b = (...x: number[]) => Uint8Array.from(x);

describe("sniffImageType", () => {
  it("reads JPEG, PNG and WebP from their first bytes", () => {
    expect(sniffImageType(b(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBe("jpeg");
    expect(sniffImageType(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("png");
    expect(sniffImageType(Uint8Array.from(Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1")))).toBe("webp");
  });
  it("refuses everything else, whatever it would be named", () => {
    expect(sniffImageType(Uint8Array.from(Buffer.from("just some text\n")))).toBeNull();
    expect(sniffImageType(b(0x7f, 0x45, 0x4c, 0x46, 2, 1))).toBeNull();
    expect(sniffImageType(Uint8Array.from(Buffer.from("GIF89a")))).toBeNull();
    expect(sniffImageType(Uint8Array.from(Buffer.from("RIFF\x10\x00\x00\x00WAVEfmt ", "latin1")))).toBeNull();
    expect(sniffImageType(b(0xff, 0xd8))).toBeNull(); // too short to be a JPEG
    expect(sniffImageType(b())).toBeNull();
  });
});

describe("looksExecutable", () => {
  it("names programs so the refusal can say so", () => {
    expect(looksExecutable(b(0x7f, 0x45, 0x4c, 0x46))).toBe(true);
    expect(looksExecutable(Uint8Array.from(Buffer.from("MZ\x90\x00", "latin1")))).toBe(true);
    expect(looksExecutable(Uint8Array.from(Buffer.from("#!/bin/sh\n")))).toBe(true);
    expect(looksExecutable(b(0xff, 0xd8, 0xff))).toBe(false);
    expect(looksExecutable(Uint8Array.from(Buffer.from("hello")))).toBe(false);
  });
});
