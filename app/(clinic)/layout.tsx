import { AppShell } from "@/components/layout/app-shell";
import { requireUser } from "@/lib/auth/require-user";
import { signOutAction } from "./sign-out-action";

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  // A layout check is for comfort (layouts do not re-run on every navigation): each page and
  // action below checks the session itself as well.
  const actor = await requireUser();
  return (
    <AppShell actor={actor} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
