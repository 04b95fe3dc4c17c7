import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Validates `xml` against the official ISO 20022 schema in test/fixtures (pain.001.001.09, as
 * published by ISO 20022 and shipped in the `sepaxml` PyPI package) with the JDK's validator.
 * Answers the validator's complaint, or '' when the file is valid. Asynchronous: the JVM takes
 * seconds to start, and an in-process service must keep serving (and closing idle keep-alive
 * connections on time) meanwhile, or the next request can meet a socket closed under it.
 */
export function xsdProblems(xml: string, schema = 'pain.001.001.09.xsd'): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'clientfees-xsd-')), 'document.xml');
  writeFileSync(file, xml);
  return new Promise((resolve) => {
    execFile('java', [path.join(__dirname, 'XsdValidate.java'), path.join(__dirname, '..', 'fixtures', schema), file], (error, _stdout, stderr) => {
      resolve(error ? String(stderr || error).trim() : '');
    });
  });
}
