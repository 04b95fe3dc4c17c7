import { Body, Controller, Get, INestApplication, Module, Param, Post, Query } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { Type } from 'class-transformer';
import { IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';
import pino from 'pino';
import { BodyLimit, BodyLimitGuard, findInputProblem, inputShapeCheck, jsonBodyErrors, jsonBodyParser, MAX_BODY_DEPTH } from './request-edge';
import { createValidationPipe, HttpErrorFilter } from './errors';

class Row {
  @IsString() @MaxLength(200) description!: string;
}
class Rows {
  @IsString() recipient!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Row) rows!: Row[];
}

@Controller()
class EchoController {
  @Post('small')
  small(@Body() body: Rows) {
    return { rows: body.rows.length };
  }

  @Post('large')
  @BodyLimit(1024 * 1024)
  large(@Body() body: Rows) {
    return { rows: body.rows.length };
  }

  @Get('things/:id')
  thing(@Param('id') id: string, @Query('organisationId') organisationId?: string) {
    return { id, organisationId };
  }
}

@Module({ controllers: [EchoController], providers: [{ provide: APP_GUARD, useClass: BodyLimitGuard }] })
class EchoModule {}

interface Problem {
  message: string;
  problems: Array<{ field: string; reason: string }>;
}
const problemOf = async (response: Response): Promise<Problem> => (await response.json()) as Problem;

describe('the request edge', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(EchoModule, { logger: false, bodyParser: false });
    app.use(jsonBodyParser(), jsonBodyErrors, inputShapeCheck);
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new HttpErrorFilter(pino({ level: 'silent' })));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  const post = (path: string, body: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const invoice = (rows: number, length: number) =>
    JSON.stringify({ recipient: 'Maija', rows: Array.from({ length: rows }, () => ({ description: 'x'.repeat(length) })) });

  it('accepts a 500-row invoice of 200-character descriptions on a route that declares room for it', async () => {
    const body = invoice(500, 200);
    expect(body.length).toBeGreaterThan(100_000);
    const response = await post('/large', body);
    expect(response.status).toBe(201);
    expect(await problemOf(response)).toEqual({ rows: 500 });
  });

  it('answers 413 with the limit when a body is larger than its route accepts', async () => {
    const response = await post('/small', invoice(2000, 200));
    expect(response.status).toBe(413);
    const problem = await problemOf(response);
    expect(problem.problems[0].field).toBe('body');
    expect(problem.message).toContain('at most 262,144 bytes');
  });

  it('answers 413, not 500, above the parser cap', async () => {
    const response = await post('/large', invoice(30_000, 200));
    expect(response.status).toBe(413);
    expect((await problemOf(response)).message).toContain('must not exceed 4,194,304 bytes');
  });

  it('answers 400 on JSON that does not parse', async () => {
    const response = await post('/small', '{"recipient":');
    expect(response.status).toBe(400);
    expect((await problemOf(response)).problems).toEqual([{ field: 'body', reason: 'is not valid JSON' }]);
  });

  it('names the field that holds a NUL character', async () => {
    const response = await post('/small', JSON.stringify({ recipient: 'Maija', rows: [{ description: 'a\u0000b' }] }));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).problems).toEqual([{ field: 'rows.0.description', reason: 'must not contain a NUL character' }]);
  });

  it('refuses a NUL in the query and in the path', async () => {
    const query = await fetch(`${base}/things/1?organisationId=fi%00demo`);
    expect(query.status).toBe(400);
    expect((await problemOf(query)).problems[0].field).toBe('organisationId');
    const path = await fetch(`${base}/things/1%00`);
    expect(path.status).toBe(400);
    expect((await problemOf(path)).problems[0].field).toBe('path');
  });

  it('answers 400, not a stack overflow, to JSON nested ten thousand levels deep', async () => {
    const response = await post('/small', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).problems[0].reason).toContain(`deeper than ${MAX_BODY_DEPTH}`);
  });

  it('refuses __proto__ as a field instead of silently dropping it', async () => {
    const response = await post('/small', '{"recipient":"Maija","rows":[],"__proto__":{"admin":true}}');
    expect(response.status).toBe(400);
    expect((await problemOf(response)).problems).toEqual([{ field: '__proto__', reason: 'is not an allowed field name' }]);
  });

  it('lets ordinary input through', async () => {
    expect((await post('/small', invoice(3, 20))).status).toBe(201);
    expect(await (await fetch(`${base}/things/7?organisationId=fi-demo`)).json()).toEqual({ id: '7', organisationId: 'fi-demo' });
  });
});

describe('findInputProblem', () => {
  it('finds nothing in numbers, booleans, nulls and clean strings', () => {
    expect(findInputProblem({ a: 1, b: [true, null, 'x'], c: { d: 'y' } }, '')).toBeUndefined();
  });

  it('names a NUL inside a key by its parent', () => {
    expect(findInputProblem({ rows: { 'a\u0000': 1 } }, '')).toEqual({ field: 'rows', reason: 'a field name must not contain a NUL character' });
  });

  it('allows exactly the maximum depth', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < MAX_BODY_DEPTH; i++) value = [value];
    expect(findInputProblem(value, '')).toBeUndefined();
    expect(findInputProblem([value], '')).toBeDefined();
  });
});
