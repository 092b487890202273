export const POSTGRES_PATCH_MARK: string;
export const patchedFiles: string[];
export function patchPostgres(): { patched: string[]; skipped: string | null };
