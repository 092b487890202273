import Link from "next/link";

// One plain page for anything missing or not yours: it never says which.
export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="text-brand-700 underline">
        Go to the start page
      </Link>
    </main>
  );
}
