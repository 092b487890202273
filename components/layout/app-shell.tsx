import type { Actor } from "@/lib/auth/actor";
import { AppHeader } from "./app-header";

/** The signed-in frame: header with navigation and sign-out, then the page. */
export function AppShell({ actor, signOut, children }: { actor: Actor; signOut: () => Promise<void>; children: React.ReactNode }) {
  return (
    <>
      <AppHeader actor={actor} signOut={signOut} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
