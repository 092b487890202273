import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-slate-600">Your role does not give access to this page.</p>
      <Link href="/" className="text-brand-700 underline">
        Go to the start page
      </Link>
    </main>
  );
}
