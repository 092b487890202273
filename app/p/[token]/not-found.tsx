// The one answer for a wrong, expired or revoked link: it never says which, and links nowhere
// else in the clinic's app.
export default function PatientLinkNotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600">This link does not work. Ask your clinician for a new one.</p>
    </main>
  );
}
