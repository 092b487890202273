import type { IncomingMessage, ServerResponse } from "node:http";
export function guardDatabaseOutage(req: IncomingMessage, res: ServerResponse): void;
