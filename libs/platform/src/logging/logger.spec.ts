import { Writable } from 'node:stream';
import { createLogger, PinoNestLogger } from './logger';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('never writes a Finnish identity code or a Swedish personnummer', () => {
    const { lines, stream } = capture();
    const logger = createLogger('test', 'info', stream);
    logger.info({ client: { hetu: '131052-308T', note: 'personnummer 19121212-1212' } }, 'fetched 010594Y9032');
    logger.error(new Error('no client 020516C903K'), 'failed');
    const output = lines.join('');
    expect(output).not.toContain('131052-308T');
    expect(output).not.toContain('010594Y9032');
    expect(output).not.toContain('020516C903K');
    expect(output).not.toContain('19121212-1212');
    expect(output).toContain('fetched');
  });

  it('keeps ordinary numbers such as amounts and invoice numbers', () => {
    const { lines, stream } = capture();
    createLogger('test', 'info', stream).info({ invoiceNumber: '2026000123', amount: '123.45' }, 'created');
    expect(lines.join('')).toContain('2026000123');
    expect(lines.join('')).toContain('123.45');
  });

  it('redacts what Nest itself logs', () => {
    const { lines, stream } = capture();
    new PinoNestLogger(createLogger('test', 'info', stream)).warn('lookup of 131052-308T failed', 'Ctx');
    expect(lines.join('')).not.toContain('131052-308T');
  });
});
