import { CanActivate, Controller, ExecutionContext, Injectable, INestApplication, Module, Post, Req, UnauthorizedException } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import type { Request } from 'express';
import pino from 'pino';
import { createHash } from 'node:crypto';
import { mediaTypeMatches, RawBody, RawBodyInterceptor, rawBodyOf } from './raw-body';
import { HttpErrorFilter } from './errors';
import { jsonBodyErrors, jsonBodyParser } from './request-edge';

/** Lets in only a caller that says who it is, as the platform's RolesGuard does with a token. */
@Injectable()
class CallerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!context.switchToHttp().getRequest<Request>().headers['x-caller']) throw new UnauthorizedException('a caller is required');
    return true;
  }
}

@Controller()
class FileController {
  @Post('files')
  @RawBody({ mediaTypes: ['application/pdf', 'application/*+xml'], limitBytes: 1024 })
  file(@Req() request: Request) {
    const bytes = rawBodyOf(request)!;
    return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), body: request.body ?? null };
  }

  @Post('json')
  json(@Req() request: Request) {
    return { raw: rawBodyOf(request) === undefined ? 'none' : 'read' };
  }
}

@Module({
  controllers: [FileController],
  providers: [
    { provide: APP_GUARD, useClass: CallerGuard },
    { provide: APP_INTERCEPTOR, useClass: RawBodyInterceptor },
  ],
})
class FileModule {}

describe('@RawBody routes', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(FileModule, { logger: false, bodyParser: false });
    app.use(jsonBodyParser(), jsonBodyErrors);
    app.useGlobalFilters(new HttpErrorFilter(pino({ level: 'silent' })));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  const send = (path: string, contentType: string | undefined, body: Buffer | string, caller: string | null = 'officer') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(caller ? { 'x-caller': caller } : {}) },
      body,
    });

  it('hands the handler every byte of the body, and leaves the parsed body alone', async () => {
    const file = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x0a]);
    const response = await send('/files', 'application/pdf', file);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ bytes: 8, sha256: createHash('sha256').update(file).digest('hex'), body: null });
  });

  it('reads an empty body as no bytes, for the route to refuse in its own words', async () => {
    const response = await send('/files', 'application/camt+xml', '');
    expect(await response.json()).toMatchObject({ bytes: 0 });
  });

  it('refuses another media type with 415 naming the ones the route takes, before reading', async () => {
    for (const type of ['text/plain', undefined, 'application/pdfx']) {
      const response = await send('/files', type, 'hello');
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ problems: [{ field: 'content-type', reason: 'must be one of application/pdf, application/*+xml' }] });
    }
  });

  it('refuses a body over the route’s limit with 413 naming the limit', async () => {
    const response = await send('/files', 'application/pdf', Buffer.alloc(1025, 1));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ message: 'body: this route accepts at most 1,024 bytes', problems: [{ field: 'body' }] });
  });

  it('runs after the guards: a caller they refuse gets 401, not 413, however large its body', async () => {
    const response = await send('/files', 'application/pdf', Buffer.alloc(64 * 1024, 1), null);
    expect(response.status).toBe(401);
  });

  it('reads nothing on a route that does not declare @RawBody', async () => {
    expect(await (await send('/json', 'application/json', '{"a":1}')).json()).toEqual({ raw: 'none' });
  });
});

describe('mediaTypeMatches', () => {
  it('matches exact types and a wildcard within the subtype only', () => {
    expect(mediaTypeMatches('application/xml', ['application/xml'])).toBe(true);
    expect(mediaTypeMatches('application/camt.054+xml', ['application/*+xml'])).toBe(true);
    expect(mediaTypeMatches('application/xml', ['application/*+xml'])).toBe(false);
    expect(mediaTypeMatches('application/a/b+xml', ['application/*+xml'])).toBe(false);
    expect(mediaTypeMatches('text/xml', ['application/xml'])).toBe(false);
    expect(mediaTypeMatches('', ['application/xml'])).toBe(false);
  });
});
