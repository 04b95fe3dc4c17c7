import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Validates XML documents against an XML Schema with the JDK's validator (Java is provisioned for
 * the Temporal test server). Returns, per document, the problems found: an empty list is valid.
 * One JVM for the whole batch: validate everything a test file makes in one call.
 */
export async function validateAgainstSchema(schemaPath: string, documents: readonly string[]): Promise<string[][]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientfees-xsd-'));
  try {
    const files = documents.map((xml, i) => {
      const file = path.join(dir, `${i}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    // Asynchronous: a blocked event loop would let the test's own HTTP servers drop kept-alive sockets.
    const { stdout: output } = await promisify(execFile)('java', [path.join(__dirname, 'XsdValidate.java'), schemaPath, ...files], { encoding: 'utf8', timeout: 60_000 });
    return output.trim().split('\n').map((line) => (line === 'ok' ? [] : line.split(' | ')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
