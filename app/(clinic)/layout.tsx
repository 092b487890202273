import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/require-user";
import { signOutAction } from "./sign-out-action";

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  // A layout check is for comfort (layouts do not re-run on every navigation): each page and
  // action below checks the session itself as well.
  const actor = await requireUser();
  return (
    <>
      <AppHeader actor={actor} signOut={signOutAction} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
