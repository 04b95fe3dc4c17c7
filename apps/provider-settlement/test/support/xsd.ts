import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Validates `xml` against the official ISO 20022 schema in test/fixtures (pain.001.001.09, as
 * published by ISO 20022 and shipped in the `sepaxml` PyPI package) with the JDK's validator.
 * Returns the validator's complaint, or '' when the file is valid.
 */
export function xsdProblems(xml: string, schema = 'pain.001.001.09.xsd'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'clientfees-xsd-')), 'document.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('java', [path.join(__dirname, 'XsdValidate.java'), path.join(__dirname, '..', 'fixtures', schema), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
}
