import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/require-user";
import { inviteUserAction } from "../actions";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Invite clinician" };

export default async function InvitePage() {
  await requireRole("admin");
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Invite a clinician</h1>
      <p className="text-sm text-slate-600">
        This creates the account and a one-time link to set a password. Send the link to the person yourself.
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <InviteForm action={inviteUserAction} />
      </div>
    </div>
  );
}
