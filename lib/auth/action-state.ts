/** What every form's server action returns; the form shows each field error beside its field. */
export type ActionState = {
  ok: boolean;
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
  /** What was posted, so a form re-rendered without JavaScript keeps what was typed. */
  values?: Record<string, string>;
  message?: string;
} | null;
