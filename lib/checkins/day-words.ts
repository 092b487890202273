// Pure: a clinic-local ISO day in words relative to today ("Today", "Yesterday", "Sunday 29 November").
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function dayWords(iso: string, today: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  const plain = `${WEEKDAYS[at.getUTCDay()]} ${d} ${MONTHS[m - 1]}`;
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const diff = Math.round((Date.UTC(ty, tm - 1, td) - at.getTime()) / 86_400_000);
  if (diff === 0) return `Today (${plain})`;
  if (diff === 1) return `Yesterday (${plain})`;
  return plain;
}
