import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/require-user";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; passwordSet?: string }> }) {
  if (await getActor()) redirect("/patients");
  const { next, passwordSet } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={40} height={40} className="mx-auto mb-3" />
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Loadwise</h1>
          <p className="mt-1 text-sm text-slate-600">For clinicians and clinic admins.</p>
        </div>
        {passwordSet ? (
          <p role="status" className="mb-4 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-800">
            Password set. Sign in with it now.
          </p>
        ) : null}
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm next={next} />
        </div>
      </div>
    </main>
  );
}
