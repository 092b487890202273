import { AppHeader } from "@/components/layout/app-header";
import { requireRole } from "@/lib/auth/require-user";
import { signOutAction } from "../(clinic)/sign-out-action";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Comfort only: each admin page and action checks the role again itself.
  const actor = await requireRole("admin");
  return (
    <>
      <AppHeader actor={actor} signOut={signOutAction} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
