// Pure: a clinic-local ISO day in words relative to today ("Today", "Yesterday", "Sunday 29 November").
import { differenceInCalendarDays, format, parseISO } from "date-fns";

export function dayWords(iso: string, today: string): string {
  // Both days parsed in the same (local) zone: the weekday and the difference never shift.
  const at = parseISO(iso);
  const plain = format(at, "EEEE d MMMM");
  const diff = differenceInCalendarDays(parseISO(today), at);
  if (diff === 0) return `Today (${plain})`;
  if (diff === 1) return `Yesterday (${plain})`;
  return plain;
}
