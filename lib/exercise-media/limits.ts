// What an uploaded exercise photo may be, and what is stored (ADR 0028). Plain data: the form
// reads the size limit in the browser too.

/** The largest file accepted: a modern phone's full-size JPEG fits; anything bigger is refused. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = "8 MB";
/** Decoded pixels sharp may open (width × height): a 48-megapixel phone photo fits; a decompression bomb does not. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Smallest side that still prints legibly at 3 cm and shows on a phone. */
export const MIN_SIDE_PX = 200;
/** Largest side accepted before resizing (a panorama strip is not an exercise photo). */
export const MAX_SIDE_PX = 12_000;
/** What is stored: longest side at most this, JPEG (react-pdf embeds JPEG and PNG only, not WebP). */
export const STORED_LONGEST_SIDE_PX = 1200;
export const STORED_JPEG_QUALITY = 80;
export const STORED_CONTENT_TYPE = "image/jpeg" as const;
export const MAX_ALT_CHARS = 200;
export const MAX_VIDEO_URL_CHARS = 500;
