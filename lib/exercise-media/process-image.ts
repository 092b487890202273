import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import {
  MAX_INPUT_PIXELS,
  MAX_SIDE_PX,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_LABEL,
  MIN_SIDE_PX,
  STORED_CONTENT_TYPE,
  STORED_JPEG_QUALITY,
  STORED_LONGEST_SIDE_PX,
} from "./limits";
import { looksExecutable, sniffImageType } from "./sniff";

export type ProcessedImage = { bytes: Buffer; sha256: string; width: number; height: number; contentType: typeof STORED_CONTENT_TYPE };

const refuse = (message: string) => new AppError("invalid", "exercise_media", message, { photo: [message] });

/**
 * Checks an uploaded file by its content and returns the image to store: decoded, turned upright,
 * resized, re-encoded as JPEG with no metadata at all (a phone photo carries GPS, the camera's
 * serial and the time it was taken). Every refusal is a field error on "photo" in plain words.
 */
export async function processUploadedImage(input: Uint8Array): Promise<ProcessedImage> {
  if (input.byteLength === 0) throw refuse("Choose a photo to upload.");
  if (input.byteLength > MAX_UPLOAD_BYTES) throw refuse(`This file is larger than ${MAX_UPLOAD_LABEL}. Choose a smaller photo, or export it at a lower size.`);
  const kind = sniffImageType(input);
  if (!kind) {
    throw refuse(
      looksExecutable(input)
        ? "This file is a program, not a photo, whatever its name says. Choose a JPEG, PNG or WebP photo."
        : "This file is not a JPEG, PNG or WebP photo. Choose a photo in one of those formats.",
    );
  }
  // limitInputPixels makes sharp refuse before decoding a file that declares more pixels than
  // this (a small file can declare 30000 × 30000: a decompression bomb).
  const opts = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const };
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    // The header only (no pixels decoded), so the refusal below can name the declared size.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse("This photo could not be read. It may be damaged; try saving it again or choose another.");
  }
  if (meta.format !== kind) throw refuse("This file is not a JPEG, PNG or WebP photo. Choose a photo in one of those formats.");
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > MAX_INPUT_PIXELS || w > MAX_SIDE_PX || h > MAX_SIDE_PX) {
    throw refuse(`This photo is too large in pixels (${w} × ${h}). Use one at most ${MAX_SIDE_PX} pixels on its longest side and 50 megapixels in all.`);
  }
  if (w < MIN_SIDE_PX || h < MIN_SIDE_PX) {
    throw refuse(`This photo is too small (${w} × ${h} pixels). Use one at least ${MIN_SIDE_PX} pixels on each side so it prints clearly.`);
  }
  try {
    // rotate(): apply the camera's orientation before the metadata that records it is dropped.
    // No withMetadata/keepExif: sharp writes no EXIF, XMP, IPTC or ICC profile of the input.
    const { data, info } = await sharp(input, opts)
      .rotate()
      .resize({ width: STORED_LONGEST_SIDE_PX, height: STORED_LONGEST_SIDE_PX, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .jpeg({ quality: STORED_JPEG_QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, sha256: createHash("sha256").update(data).digest("hex"), width: info.width, height: info.height, contentType: STORED_CONTENT_TYPE };
  } catch {
    throw refuse("This photo could not be read. It may be damaged; try saving it again or choose another.");
  }
}
