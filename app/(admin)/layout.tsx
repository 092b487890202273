import { AppShell } from "@/components/layout/app-shell";
import { requireRole } from "@/lib/auth/require-user";
import { signOutAction } from "../(clinic)/sign-out-action";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Comfort only: each admin page and action checks the role again itself.
  const actor = await requireRole("admin");
  return (
    <AppShell actor={actor} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
