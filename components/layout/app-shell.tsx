import type { Actor } from "@/lib/auth/actor";
import { AppHeader } from "./app-header";

/** The signed-in frame: header with navigation and sign-out, then the page. */
export function AppShell({ actor, signOut, children }: { actor: Actor; signOut: () => Promise<void>; children: React.ReactNode }) {
  return (
    <>
      {/* The first Tab of every page: past the navigation straight to the work. */}
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-brand-800 shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
      >
        Skip to main content
      </a>
      <AppHeader actor={actor} signOut={signOut} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
