import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { isDatabaseUnavailable } from "@/db/unavailable";
import { env } from "@/lib/env";
import { signInSchema } from "@/lib/validation/sign-in";
import { authenticate } from "./authenticate";
import { endSessionForToken } from "./end-session-for-token";
import { requestMeta } from "./request-meta";

class AccountLocked extends CredentialsSignin {
  code = "locked";
}
class AddressLimited extends CredentialsSignin {
  code = "rate_limited";
}
class DatabaseUnavailable extends CredentialsSignin {
  code = "unavailable";
}

/** The policy every session is held to; the idle window is configurable by environment. */
export function sessionPolicy() {
  const e = env();
  return { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS };
}

// The config is built lazily, on the first request, so `next build` never reads the environment
// (on the embedded default env() creates AUTH_SECRET; with DATABASE_URL it demands one).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: env().AUTH_SECRET,
  pages: { signIn: "/login", error: "/login" },
  // The JWT is only a pointer to a sessions row (ADR 0003); its own lifetime is the absolute cap.
  session: { strategy: "jwt", maxAge: sessionPolicy().maxHours * 3600 },
  // Said explicitly rather than left to a default: the session cookie never rides on a
  // cross-site POST. (Route handlers also check Origin, lib/auth/same-origin.ts.)
  cookies: { sessionToken: { options: { sameSite: "lax", httpOnly: true, path: "/" } } },
  events: {
    // Every sign-out path ends the session row, not only the cookie (ADR 0003).
    async signOut(message) {
      if (!("token" in message) || !message.token) return;
      const { headers } = await import("next/headers");
      await endSessionForToken(await getDb(), message.token, requestMeta(await headers()));
    },
  },
  // Failed sign-ins are expected traffic: no stack traces, and never the submitted email.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
    warn() {},
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        let result: Awaited<ReturnType<typeof authenticate>>;
        try {
          result = await authenticate(await getDb(), parsed.data, sessionPolicy(), requestMeta(request.headers));
        } catch (err) {
          // Not "wrong password": say the database is out, so nobody retypes a right password.
          if (isDatabaseUnavailable(err)) throw new DatabaseUnavailable();
          throw err;
        }
        if (!result.ok) {
          if (result.reason === "locked") throw new AccountLocked();
          if (result.reason === "rate_limited") throw new AddressLimited();
          throw new CredentialsSignin();
        }
        return {
          id: result.user.id,
          name: result.user.name,
          email: result.user.email,
          clinicId: result.user.clinicId,
          sid: result.sessionId,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { clinicId: string; sid: string };
        token.clinicId = u.clinicId;
        token.sid = u.sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, clinicId: token.clinicId as string, sid: token.sid as string };
    },
  },
}));
