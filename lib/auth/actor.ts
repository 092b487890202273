import type { UserRole } from "@/db/schema";

/** Who is acting, on behalf of which clinic, from where. Every service takes one. */
export type Actor = {
  clinicId: string;
  userId: string;
  role: UserRole;
  name: string;
  email: string;
  sessionId: string;
  ip: string | null;
  userAgent: string | null;
};
