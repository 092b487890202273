import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/require-user";

// Where "home" is depends on who you are: an admin's work starts at the clinic caseload, a
// clinician's at their own.
export default async function Home() {
  const actor = await requireUser();
  redirect(actor.role === "admin" ? "/admin" : "/patients");
}
