export function buildIfNeeded(opts?: { log?: (message: string) => void }): boolean;
