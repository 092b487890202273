import { differenceInYears, parseISO } from "date-fns";

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export function ageOn(dateOfBirth: string, today = new Date()): number {
  return differenceInYears(today, parseISO(dateOfBirth));
}
