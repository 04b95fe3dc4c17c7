import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { rawBodyOf, type RawBodySpec } from '@clientfees/platform';

/**
 * The camt.054 import's body: XML, read as bytes by the platform (`@RawBody`) once the guards have
 * let the caller in, so that an unauthenticated caller never gets 10 MB buffered and an
 * Idempotency-Key's hash covers every byte of the file. A month of a busy county's reference
 * payments is far below the limit; anything above is refused unread (413).
 */
export const XML_BODY: RawBodySpec = { mediaTypes: ['application/xml', 'text/xml', 'application/*+xml'], limitBytes: 10 * 1024 * 1024 };

/** The XML as text, decoded by the charset the content type names (UTF-8 unless it names another). */
export function readXmlBody(request: Request): string {
  const bytes = rawBodyOf(request);
  if (!bytes) throw new Error('readXmlBody: the route does not declare @RawBody(XML_BODY)');
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '')?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    const reason = `charset ${charset} is not supported; send UTF-8`;
    throw new UnsupportedMediaTypeException({ statusCode: 415, message: `content-type: ${reason}`, problems: [{ field: 'content-type', reason }] });
  }
}
