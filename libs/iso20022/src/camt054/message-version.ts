import { DomainValidationError } from '@clientfees/domain';
import type { XmlRoot } from '../xml/xml-document';
import { CAMT054_VERSIONS, type Camt054Version } from './camt054.types';

const ISO20022_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\.\d{3}\.\d{3}\.\d{2})$/;

// What a finance officer might upload by mistake, named so the refusal says what it is.
const MESSAGE_NAMES: Record<string, string> = {
  'camt.052': 'a camt.052 account report (BankToCustomerAccountReport)',
  'camt.053': 'a camt.053 statement (BankToCustomerStatement)',
  'camt.054': 'a camt.054 debit/credit notification',
  'pain.001': 'a pain.001 credit transfer initiation',
  'pain.002': 'a pain.002 payment status report',
  'pain.008': 'a pain.008 direct debit initiation',
  'pacs.008': 'a pacs.008 interbank credit transfer',
};

const SUPPORTED = `camt.054.001.${CAMT054_VERSIONS[0]} to .${CAMT054_VERSIONS[CAMT054_VERSIONS.length - 1]}`;

/**
 * The camt.054 version a message declares by its namespace, e.g. `camt.054.001.08`. Anything
 * else is refused with what it is: another message type, a version outside .02 to .10 (which
 * this reader has not been checked against), or a document without an ISO 20022 namespace.
 */
export function camt054Version(root: XmlRoot): Camt054Version {
  if (root.localName !== 'Document') {
    throw new DomainValidationError(`the root element is ${root.localName}; an ISO 20022 message is a Document (${SUPPORTED} are read)`, 'Document');
  }
  const match = ISO20022_NAMESPACE.exec(root.namespace ?? '');
  if (!match) {
    throw new DomainValidationError(
      root.namespace
        ? `the namespace ${root.namespace} is not an ISO 20022 message; ${SUPPORTED} are read`
        : `the Document declares no ISO 20022 namespace, so its message type and version are unknown; ${SUPPORTED} are read`,
      'Document/@xmlns',
    );
  }
  const identifier = match[1];
  const [area, type, variant, version] = identifier.split('.');
  const message = `${area}.${type}`;
  if (message !== 'camt.054' || variant !== '001') {
    throw new DomainValidationError(`this is ${MESSAGE_NAMES[message] ?? `an ISO 20022 ${message} message`} (${identifier}), not a camt.054 debit/credit notification`, 'Document/@xmlns');
  }
  if (!(CAMT054_VERSIONS as readonly string[]).includes(version)) {
    throw new DomainValidationError(`${identifier} is not read: ${SUPPORTED} are`, 'Document/@xmlns');
  }
  return identifier as Camt054Version;
}
