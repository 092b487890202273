export const CLIENT_ADDRESS_HEADER: "x-loadwise-client-address";
export const CLIENT_ADDRESS_TRUSTED_ENV: "LOADWISE_CLIENT_ADDRESS_FROM_SERVER";
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string | null;
export function trustedHopsFromEnv(env?: Record<string, string | undefined>): number;
