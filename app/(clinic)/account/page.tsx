import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Your account" };

// Who is signed in, from the session alone: no query beyond the session check every page makes.
// It is also the bench's baseline (docs/performance.md): the same session check and layout as the
// caseload pages with no patient data, so a page's throughput can be given as a ratio to it.
export default async function AccountPage() {
  const actor = await requireRole("clinician", "admin");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-6 text-sm shadow-sm">
        <dt className="font-medium text-slate-600">Name</dt>
        <dd>{actor.name}</dd>
        <dt className="font-medium text-slate-600">Email</dt>
        <dd>{actor.email}</dd>
        <dt className="font-medium text-slate-600">Role</dt>
        <dd>{actor.role === "admin" ? "Admin: manages the clinic's accounts and settings, and sees every patient" : "Clinician: sees and treats the patients on their caseload"}</dd>
      </dl>
      <p className="text-sm text-slate-600">To change your name, email or role, ask your clinic&apos;s admin.</p>
    </div>
  );
}
