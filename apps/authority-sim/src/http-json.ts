import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request the simulator refuses; `field` names what was wrong so a caller can fix it. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
    readonly field?: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
  }
}

export const badRequest = (field: string, reason: string) => new HttpProblem(400, 'bad-request', reason, field);
export const notFound = (field: string, reason: string) => new HttpProblem(404, 'not-found', reason, field);
export const conflict = (field: string, reason: string) => new HttpProblem(409, 'conflict', reason, field);

// Real agency payloads are a few kilobytes; a cap keeps a runaway client from filling memory.
const MAX_BODY_BYTES = 256 * 1024;

/** The request's body as text. */
export async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, 'payload-too-large', `the body may be at most ${MAX_BODY_BYTES} bytes`, 'body');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's JSON body; an empty body is `undefined`. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = (await readText(request)).trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('body', 'is not valid JSON');
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, contentType: string, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendProblem(response: ServerResponse, problem: HttpProblem): void {
  sendJson(response, problem.status, { error: problem.error, ...(problem.field ? { field: problem.field } : {}), reason: problem.reason });
}
