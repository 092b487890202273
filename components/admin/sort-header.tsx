import Link from "next/link";

/** A column header that sorts on the server: a link to the same page with sort/dir changed. */
export function SortHeader<C extends string>({ label, column, sort, dir, hrefFor }: { label: string; column: C; sort: C; dir: "asc" | "desc"; hrefFor: (p: { sort: C; dir: "asc" | "desc" }) => string }) {
  const active = sort === column;
  const nextDir = active && dir === "desc" ? "asc" : "desc";
  return (
    <th scope="col" className="px-4 py-3" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={hrefFor({ sort: column, dir: nextDir })} className="inline-flex items-center gap-1 hover:text-slate-950">
        {label}
        <span aria-hidden="true">{active ? (dir === "asc" ? "▲" : "▼") : ""}</span>
      </Link>
    </th>
  );
}
