import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { Button } from "@/components/ui/button";
import { listClinicUsers } from "@/lib/admin/manage-users";
import { requireRole } from "@/lib/auth/require-user";
import { changeRoleAction, deactivateUserAction, endSessionsAction, reactivateUserAction, resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Accounts" };

export default async function UsersPage() {
  const actor = await requireRole("admin");
  const rows = await listClinicUsers(await getDb(), actor);
  const actions = {
    changeRole: changeRoleAction,
    deactivate: deactivateUserAction,
    reactivate: reactivateUserAction,
    endSessions: endSessionsAction,
    resetPassword: resetPasswordAction,
  };
  return (
    <div className="space-y-6">
      <div className="flex items-end justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Accounts</h1>
        <Button asChild>
          <Link href="/admin/users/invite">Invite clinician</Link>
        </Button>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Accounts in this clinic</caption>
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">Name</th>
              <th scope="col" className="px-4 py-3">Role</th>
              <th scope="col" className="px-4 py-3">Status</th>
              <th scope="col" className="px-4 py-3">Open sessions</th>
              <th scope="col" className="px-4 py-3">Actions</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((u) => (
              <tr key={u.id} className="align-top">
                <td className="px-4 py-3">
                  <div className="font-medium">{u.name}</div>
                  <div className="text-slate-600">{u.email}</div>
                </td>
                <td className="px-4 py-3">{u.role === "admin" ? "Admin" : "Clinician"}</td>
                <td className="px-4 py-3">
                  {!u.active ? "Deactivated" : u.lockedUntil && u.lockedUntil > new Date() ? "Locked (failed sign-ins)" : "Active"}
                </td>
                <td className="px-4 py-3">{u.openSessions}</td>
                <td className="px-4 py-3">
                  <UserRowActions userId={u.id} version={u.version} role={u.role} active={u.active} name={u.name} actions={actions} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
