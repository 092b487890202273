import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

// Images made for the upload tests: real photos would be fixtures nobody can inspect.

/** A JPEG of `w`×`h` noise with camera EXIF and a GPS position, as a phone writes it. */
export async function jpegWithGps(w = 1600, h = 1200): Promise<Buffer> {
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: "TestPhone", Model: "Model 9", Copyright: "Someone" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 1234/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 3900/100" },
    })
    .toBuffer();
}

export async function png(w: number, h: number, rgba = false): Promise<Buffer> {
  return sharp({ create: { width: w, height: h, channels: rgba ? 4 : 3, background: { r: 20, g: 120, b: 200, alpha: rgba ? 0.5 : 1 } } })
    .png()
    .toBuffer();
}

export async function webp(w: number, h: number): Promise<Buffer> {
  return sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .webp()
    .toBuffer();
}

const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
};

/** A valid-looking PNG of a few hundred bytes that declares `w`×`h` pixels: a decompression bomb. */
export function pngBomb(w = 30_000, h = 30_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // A first row only: the decoder would inflate the rest from nothing.
  const idat = deflateSync(Buffer.alloc(w + 1));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

/** The first bytes of a Linux program (ELF) and of a Windows one (PE, "MZ"), padded out. */
export const elfBytes = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(2048, 0x90)]);
export const peBytes = () => Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(2048, 0)]);
