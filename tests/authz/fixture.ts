// What tests/authz/seed-fixture.ts made, as the matrix reads it: plain data (ids, tokens, valid
// form values), so the matrix itself imports nothing from the server.

type UserRef = { id: string; email: string; clinicId: string; role: "clinician" | "admin" };
type Forms = Record<string, Record<string, string>>;

export type Fixture = {
  password: string;
  /** Clinic 1's calendar day when the fixture was made. */
  today: string;
  clinic1: { id: string; name: string };
  clinic2: { id: string; name: string };
  people: Record<"admin1" | "clinicianA" | "clinicianB" | "clinician2" | "admin2" | "deactivated" | "expired", UserRef>;
  targets: Record<"changeRole" | "deactivate" | "reactivate" | "endSessions" | "resetPassword" | "signIn", UserRef>;
  maya: { patientId: string; assessmentId: string; planId: string; planVersion: number; stageKey: string; reviewId: string; reviewVersion: number; checkInId: string };
  ines: { patientId: string; planId: string; reviewId: string; reviewVersion: number };
  tom: { patientId: string; planId: string; reviewId: string; reviewVersion: number; rtmEpisodeId: string; rtmWithdrawnEntryId: string };
  sato: { patientId: string; assessmentId: string; planId: string; planForm: Record<string, string>; stepForms: Forms };
  bianchi: { patientId: string; assessmentId: string };
  webb: { patientId: string; draftId: string; stepForms: Forms; patient: Record<string, string> };
  rahman: { patientId: string };
  /** Clinic 1's own photo for one library exercise (issue 18). */
  media: { exerciseName: string; sha256: string };
  linkToken: string;
  revokedToken: string;
  unknownToken: string;
  evaluateBody: unknown;
  reviewCheckinsBody: unknown;
  /** The settings form's values per clinic id, as the page would fill them. */
  settingsForms: Record<string, Record<string, string>>;
  clinic1Markers: string[];
};
