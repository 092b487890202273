import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

// Channels behind one interface (ADR 0030): the worker hands a message to the channel of its row
// and records what happened. Email goes through SMTP (nodemailer); SMS has the interface and no
// provider, so an SMS is recorded as failed, never dropped.

export type OutgoingMessage = {
  to: string;
  from: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row: a resend after a crash mid-send carries the same one. */
  messageId: string;
};

export interface Channel {
  send(m: OutgoingMessage): Promise<void>;
  /** Set when nothing is configured behind the channel: its rows fail at once with this reason. */
  readonly unavailable?: string;
}

/** A failure no retry can mend (nothing configured): the row is marked failed at once. */
export class PermanentSendError extends Error {
  override name = "PermanentSendError";
}

export type Channels = { email: Channel; sms: Channel };

export type SmtpConfig = { url: string } | { host: string; port: number; user?: string; pass?: string };

export function smtpChannel(config: SmtpConfig): Channel {
  const transport =
    "url" in config
      ? nodemailer.createTransport(config.url)
      : nodemailer.createTransport({
          host: config.host,
          port: config.port,
          secure: config.port === 465,
          ...(config.user ? { auth: { user: config.user, pass: config.pass ?? "" } } : {}),
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        });
  return {
    async send(m) {
      await transport.sendMail({
        to: m.to,
        from: { name: m.from.name, address: m.from.address },
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
      });
    },
  };
}

export const unconfiguredEmail: Channel = {
  unavailable: "no SMTP server configured",
  async send() {
    throw new PermanentSendError("no SMTP server configured");
  },
};

/** The SMS adapter's place: no provider is wired in (issue 19). */
export const noSmsProvider: Channel = {
  unavailable: "no SMS provider configured",
  async send() {
    throw new PermanentSendError("no SMS provider configured");
  },
};

/** The channels this server sends through, from the environment (SMTP_URL, or SMTP_HOST and friends). */
export function channelsFromEnv(): Channels {
  const e = env();
  const email = e.SMTP_URL
    ? smtpChannel({ url: e.SMTP_URL })
    : e.SMTP_HOST
      ? smtpChannel({ host: e.SMTP_HOST, port: e.SMTP_PORT ?? 587, user: e.SMTP_USER, pass: e.SMTP_PASS })
      : unconfiguredEmail;
  return { email, sms: noSmsProvider };
}
