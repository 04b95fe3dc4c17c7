import { BadRequestException, HttpException, HttpStatus, UnsupportedMediaTypeException } from '@nestjs/common';
import { text } from 'express';
import type { Request, Response } from 'express';

export const XML_MEDIA_TYPES = ['application/xml', 'text/xml', 'application/*+xml'];
/** A month of a busy county's reference payments is far below this; anything above is refused unread. */
export const XML_BODY_LIMIT = '10mb';

const readText = text({ type: XML_MEDIA_TYPES, limit: XML_BODY_LIMIT, defaultCharset: 'utf-8' });

/**
 * Reads an XML request body. It is read here, after the guard has let the caller in, rather than
 * by an application-wide parser: only the import route takes XML, and an unauthenticated caller
 * never gets 10 MB buffered.
 */
export async function readXmlBody(request: Request): Promise<string> {
  const kind = request.is(XML_MEDIA_TYPES);
  if (kind === null) return '';
  if (kind === false) {
    throw new UnsupportedMediaTypeException({
      statusCode: 415,
      message: 'send the camt.054 file with Content-Type: application/xml',
      problems: [{ field: 'content-type', reason: 'must be application/xml or text/xml' }],
    });
  }
  try {
    await new Promise<void>((resolve, reject) => readText(request, request.res as Response, (error?: unknown) => (error ? reject(error) : resolve())));
  } catch (error) {
    throw asProblem(error);
  }
  return typeof request.body === 'string' ? request.body : '';
}

/** body-parser's errors (413 too large, 415 charset, 400 aborted) as the platform's problem responses. */
function asProblem(error: unknown): unknown {
  const status = (error as { status?: unknown })?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return error;
  const reason = status === HttpStatus.PAYLOAD_TOO_LARGE ? `must not exceed ${XML_BODY_LIMIT}` : (error as Error).message;
  const body = { statusCode: status, message: `body: ${reason}`, problems: [{ field: 'body', reason }] };
  return status === HttpStatus.BAD_REQUEST ? new BadRequestException(body) : new HttpException(body, status);
}
