// How much of "Needs review" one page shows (pure: the page reads `?shown=`, the service the limit).

/** Cards per page of "Needs review"; "Show more" adds this many (issue 16: 50 cards were ~900 KiB). */
export const QUEUE_PAGE_SIZE = 20;
/** The most one page shows, however far "Show more" is followed. */
export const QUEUE_MAX_SHOWN = 200;

/** `?shown=` from the address: a whole number of pages, at least one, at most QUEUE_MAX_SHOWN cards. */
export function queueShown(raw: string | undefined): number {
  const n = raw !== undefined && /^\d{1,4}$/.test(raw) ? Number(raw) : QUEUE_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(n / QUEUE_PAGE_SIZE));
  return Math.min(QUEUE_MAX_SHOWN, pages * QUEUE_PAGE_SIZE);
}
