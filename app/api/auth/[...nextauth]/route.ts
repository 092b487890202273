import { handlers } from "@/lib/auth/auth";
import { sameOriginOnly } from "@/lib/auth/same-origin";

export const GET = handlers.GET;
// Auth.js checks its own CSRF token on sign-in and sign-out; the Origin check is a second lock.
export const POST = sameOriginOnly(handlers.POST);
