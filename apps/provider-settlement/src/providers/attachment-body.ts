import { BadRequestException, HttpException, HttpStatus, UnsupportedMediaTypeException } from '@nestjs/common';
import { raw } from 'express';
import type { Request, Response } from 'express';

/** What an application's attachments may be: documents and scans. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/** Per file; a scanned permit or plan fits well within it. */
export const ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024;

const readRaw = raw({ type: [...ATTACHMENT_TYPES], limit: ATTACHMENT_LIMIT_BYTES });

/**
 * Reads an uploaded file after the guard has let the caller in (never buffered for an
 * unauthenticated caller), refusing other content types (415) and larger files (413).
 */
export async function readAttachmentBody(request: Request): Promise<{ contentType: string; content: Buffer }> {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(contentType)) {
    throw new UnsupportedMediaTypeException({
      statusCode: 415,
      message: `content-type: must be one of ${ATTACHMENT_TYPES.join(', ')}`,
      problems: [{ field: 'content-type', reason: `must be one of ${ATTACHMENT_TYPES.join(', ')}` }],
    });
  }
  try {
    await new Promise<void>((resolve, reject) => readRaw(request, request.res as Response, (error?: unknown) => (error ? reject(error) : resolve())));
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
      throw new HttpException({ statusCode: 413, message: `body: must not exceed ${ATTACHMENT_LIMIT_BYTES} bytes`, problems: [{ field: 'body', reason: `must not exceed ${ATTACHMENT_LIMIT_BYTES} bytes` }] }, 413);
    }
    throw error;
  }
  const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (content.length === 0) throw new BadRequestException({ statusCode: 400, message: 'body: the file is empty', problems: [{ field: 'body', reason: 'the file is empty' }] });
  return { contentType, content };
}
