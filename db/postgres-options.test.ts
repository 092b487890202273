import { describe, expect, it } from "vitest";
import { DatabaseUrlError, postgresOptionsFromUrl } from "./postgres-options";

describe("postgresOptionsFromUrl", () => {
  it("prepares statements unless the URL says prepare=false", () => {
    expect(postgresOptionsFromUrl("postgres://u:p@db:5432/loadwise")).toEqual({ prepare: true });
    expect(postgresOptionsFromUrl("postgres://u:p@db:5432/loadwise?prepare=true")).toEqual({ prepare: true });
    expect(postgresOptionsFromUrl("postgres://u:p@pgbouncer:6432/loadwise?sslmode=require&prepare=false")).toEqual({ prepare: false });
  });

  it("refuses a value it cannot read, and Prisma's pgbouncer=true, saying what to write", () => {
    expect(() => postgresOptionsFromUrl("postgres://u:p@db/x?prepare=no")).toThrow(/prepare must be true or false/);
    expect(() => postgresOptionsFromUrl("postgres://u:p@db/x?pgbouncer=true")).toThrow(/\?prepare=false/);
    expect(() => postgresOptionsFromUrl("not a url")).toThrow(DatabaseUrlError);
  });
});
