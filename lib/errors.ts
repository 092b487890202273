// Typed errors: `${kind}:${surface}` codes mapped once to HTTP statuses and form state
// (conventions §7). Services throw these; adapters (actions, routes) translate them.
export type ErrorKind = "unauthorized" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited";

const statusByKind: Record<ErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
};

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly surface: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
  get code() {
    return `${this.kind}:${this.surface}`;
  }
  get status() {
    return statusByKind[this.kind];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
