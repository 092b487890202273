// A reminder link past its 14 days, or under a patient link that was revoked or replaced: it says
// no more than that, and links nowhere else in the clinic's app (ADR 0031).
export default function ReminderLinkNotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">This link no longer works</h1>
      <p className="text-slate-600">Open the newest link your clinic gave you, or ask your clinician for a new one.</p>
    </main>
  );
}
