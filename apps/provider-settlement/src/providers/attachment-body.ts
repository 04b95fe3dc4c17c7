import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import { mediaTypeOf, rawBodyOf, type RawBodySpec } from '@clientfees/platform';

/** What an application's attachments may be: documents and scans. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/** Per file; a scanned permit or plan fits well within it. */
export const ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * The upload route's body: the file itself, read as bytes by the platform (`@RawBody`) once the
 * guards have let the caller in (never buffered for an unauthenticated caller), other content
 * types refused (415), larger files too (413). An Idempotency-Key's hash covers every byte.
 */
export const ATTACHMENT_BODY: RawBodySpec = { mediaTypes: ATTACHMENT_TYPES, limitBytes: ATTACHMENT_LIMIT_BYTES };

/** The uploaded file and its content type; an empty file is a 400. */
export function readAttachmentBody(request: Request): { contentType: string; content: Buffer } {
  const content = rawBodyOf(request);
  if (!content) throw new Error('readAttachmentBody: the route does not declare @RawBody(ATTACHMENT_BODY)');
  if (content.length === 0) throw new BadRequestException({ statusCode: 400, message: 'body: the file is empty', problems: [{ field: 'body', reason: 'the file is empty' }] });
  return { contentType: mediaTypeOf(request), content };
}
