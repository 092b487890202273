// Where a stored image is served. The content hash is the address, so a replaced photo has a new
// URL and every cache may keep the old one for a year (ADR 0028). Plain: used in components too.

/** For signed-in staff of the clinic (editor, library screen, clinician's preview). */
export const clinicianMediaUrl = (sha256: string) => `/api/exercise-media/${sha256}`;

/** For the patient's page, under their link; the token's clinic must own the image. */
export const patientMediaUrl = (token: string, sha256: string) => `/p/${encodeURIComponent(token)}/media/${sha256}`;
