import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { findPasswordLink } from "@/lib/admin/set-password";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Unknown, used and expired links all get the same plain 404.
  const link = token.length >= 20 && token.length <= 100 ? await findPasswordLink(await getDb(), token) : null;
  if (!link) notFound();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-2 text-center text-2xl font-semibold tracking-tight">Set your password</h1>
        <p className="mb-6 text-center text-sm text-slate-600">For {link.email}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SetPasswordForm token={token} />
        </div>
      </div>
    </main>
  );
}
