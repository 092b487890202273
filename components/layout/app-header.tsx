import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";

export function AppHeader({ actor, signOut }: { actor: Actor; signOut: () => Promise<void> }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4">
        <nav aria-label="Main" className="flex items-center gap-6">
          <Link href="/patients" className="flex items-center gap-2 font-semibold text-brand-800">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src="/icon.svg" alt="" width={24} height={24} />
            Loadwise
          </Link>
          <Link href="/patients" className="text-sm text-slate-700 hover:text-slate-950">
            My caseload
          </Link>
          <Link href="/reviews" className="text-sm text-slate-700 hover:text-slate-950">
            Needs review
          </Link>
          <Link href="/exercise-photos" className="text-sm text-slate-700 hover:text-slate-950">
            Exercise photos
          </Link>
          {actor.role === "admin" ? (
            <>
              <Link href="/admin" className="text-sm text-slate-700 hover:text-slate-950">
                Clinic
              </Link>
              <Link href="/admin/users" className="text-sm text-slate-700 hover:text-slate-950">
                Accounts
              </Link>
              <Link href="/admin/audit" className="text-sm text-slate-700 hover:text-slate-950">
                Audit trail
              </Link>
              <Link href="/admin/settings" className="text-sm text-slate-700 hover:text-slate-950">
                Settings
              </Link>
              <Link href="/admin/reminders" className="text-sm text-slate-700 hover:text-slate-950">
                Reminders
              </Link>
            </>
          ) : null}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <Link href="/account" className="hidden text-slate-600 hover:text-slate-950 sm:inline">
            {actor.name} · {actor.role === "admin" ? "Admin" : "Clinician"}
          </Link>
          <form action={signOut} method="post">
            <button type="submit" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
