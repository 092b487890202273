"use server";
import { revalidatePath } from "next/cache";
import { changeUserRole, endUserSessions, inviteUser, resetUserPassword, setUserActive } from "@/lib/admin/manage-users";
import { authedAction } from "@/lib/auth/authed-action";
import { changeRoleSchema, inviteUserSchema, userActionSchema } from "@/lib/validation/admin";

const ADMIN = ["admin"] as const;
const done = (message: string) => {
  revalidatePath("/admin/users");
  return { ok: true, message };
};

export const inviteUserAction = authedAction(inviteUserSchema, { roles: ADMIN }, async (input, { actor, db }) => {
  const { user, link } = await inviteUser(db, actor, input);
  revalidatePath("/admin/users");
  return { ok: true, message: `Invited ${user.name}. Send them this one-time link (valid 72 hours):`, values: { link: link.path } };
});

export const changeRoleAction = authedAction(changeRoleSchema, { roles: ADMIN }, async (input, { actor, db }) => {
  const u = await changeUserRole(db, actor, input);
  return done(`${u.name} is now ${u.role === "admin" ? "an admin" : "a clinician"}.`);
});

export const deactivateUserAction = authedAction(userActionSchema, { roles: ADMIN }, async (input, { actor, db }) => {
  const u = await setUserActive(db, actor, { ...input, active: false });
  return done(`${u.name} is deactivated and signed out everywhere.`);
});

export const reactivateUserAction = authedAction(userActionSchema, { roles: ADMIN }, async (input, { actor, db }) => {
  const u = await setUserActive(db, actor, { ...input, active: true });
  return done(`${u.name} can sign in again.`);
});

export const endSessionsAction = authedAction(userActionSchema, { roles: ADMIN }, async (input, { actor, db }) => {
  const n = await endUserSessions(db, actor, input);
  return done(`Ended ${n} open ${n === 1 ? "session" : "sessions"}.`);
});

export const resetPasswordAction = authedAction(userActionSchema, { roles: ADMIN }, async (input, { actor, db }) => {
  const link = await resetUserPassword(db, actor, input);
  revalidatePath("/admin/users");
  return { ok: true, message: "Password reset link (valid 24 hours; open sessions were ended):", values: { link: link.path } };
});
