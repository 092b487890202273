// The reminder email: the clinic's name and two links, nothing about the patient's health
// (issue 19). Plain text and a simple HTML part with the same words.

export type ReminderEmail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** One line, no control characters: a clinic name can never add a header. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

export function reminderEmail(v: { clinicName: string; checkInUrl: string; stopUrl: string }): ReminderEmail {
  const clinic = oneLine(v.clinicName) || "your clinic";
  const subject = `A reminder from ${clinic}: time for your check-in`;
  const text = [
    `A reminder from ${clinic}: time for your check-in.`,
    "",
    `Open your check-in: ${v.checkInUrl}`,
    "",
    `To stop these reminders: ${v.stopUrl}`,
    "",
    `You get this email because you agreed to reminders from ${clinic}. The links work for 14 days.`,
  ].join("\n");
  const c = escapeHtml(clinic);
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#0f172a">
<p>A reminder from ${c}: time for your check-in.</p>
<p><a href="${escapeHtml(v.checkInUrl)}" style="display:inline-block;padding:10px 16px;background:#0f766e;color:#fff;border-radius:6px;text-decoration:none">Open your check-in</a></p>
<p style="font-size:13px;color:#475569">You get this email because you agreed to reminders from ${c}. The links work for 14 days.<br><a href="${escapeHtml(v.stopUrl)}">Stop these reminders</a></p>
</body></html>`;
  return { subject, text, html };
}
