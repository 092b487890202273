// What each audit action means, in words an admin reads ("who saw this record?"). The codes stay
// stable in the database and the CSV; these labels are only for screens.
const LABELS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.locked": "Account locked after failed sign-ins",
  "auth.sign_out": "Signed out",
  "patient.view": "Viewed patient record",
  "patient.list": "Viewed caseload",
  "patient.create": "Added patient",
  "patient.update": "Edited patient details",
  "patient.discharge": "Discharged patient",
  "patient.reactivate": "Reactivated patient",
  "patient.reassign": "Reassigned patient",
  "patient.export": "Exported caseload",
  "assessment.view": "Viewed assessment",
  "assessment.list": "Viewed assessment history",
  "assessment.create": "Started assessment",
  "assessment.save_step": "Saved assessment step",
  "assessment.finalize": "Finalized assessment",
  "assessment.amend": "Amended assessment",
  "assessment.red_flag_override": "Overrode a red-flag referral",
  "assessment.referral_recorded": "Recorded a referral",
  "plan.create": "Created plan",
  "plan.save": "Saved plan version",
  "plan.view": "Viewed plan",
  "checkins.view": "Viewed check-ins and current plan",
  "checkin.create": "Logged a session",
  "checkin.next_morning": "Answered the next-morning check",
  "plan.position": "Moved the patient's stage",
  "review.suggest": "Engine suggested a change",
  "review.supersede": "Suggestion replaced by a newer one",
  "review.close": "Suggestion closed",
  "review.list": "Viewed suggestions waiting for review",
  "review.approve": "Approved a suggestion",
  "review.edit": "Published an edited suggestion",
  "review.dismiss": "Dismissed a suggestion",
  "review.acknowledge": "Recorded action on a report",
  "plan.pdf": "Downloaded plan PDF",
  "plan.publish": "Published plan",
  "plan.publish_blocked": "Publishing blocked by a red flag",
  "plan.withdraw": "Plan withdrawn by a red flag",
  "plan_link.issue": "Issued patient link",
  "plan_link.revoke": "Revoked patient link",
  "plan_link.show": "Showed patient link again",
  "plan_link.view": "Opened plan (patient link)",
  "plan_link.pdf": "Downloaded PDF (patient link)",
  "audit.export": "Exported audit trail",
  "clinic.settings_update": "Changed clinic settings",
  "exercise_media.upload": "Uploaded an exercise photo",
  "exercise_media.replace": "Replaced an exercise photo",
  "exercise_media.update": "Changed an exercise photo's description or video link",
  "exercise_media.remove": "Removed an exercise photo",
  "user.invite": "Invited user",
  "user.invite_accepted": "Accepted invite",
  "user.role_change": "Changed role",
  "user.deactivate": "Deactivated user",
  "user.reactivate": "Reactivated user",
  "user.end_sessions": "Ended user's sessions",
  "user.password_reset_issued": "Issued password reset",
  "user.password_reset": "Reset password",
};

export function auditActionLabel(action: string): string {
  return LABELS[action] ?? action.replace(/[._]/g, " ");
}

/** Reads of patient data: what "who looked at this record" means. */
export function isReadAction(action: string): boolean {
  return /\.(view|list|pdf|export|show)$/.test(action);
}

/** Who did it, in words: a user's name, or the patient themselves through their private link. */
export function auditActorLabel(row: { action: string; actorUserId: string | null; actorName: string | null }): string {
  if (row.actorName) return row.actorName;
  if (row.actorUserId === null && row.action.startsWith("plan_link.")) return "Patient (link)";
  return row.actorUserId ? "(removed user)" : "System";
}
