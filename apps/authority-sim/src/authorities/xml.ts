import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';

/** Escapes text for an XML element or attribute. */
export function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `<Name>text</Name>`, or nothing when the value is undefined. */
export function el(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${name}>${esc(value)}</${name}>`;
}

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

export function soapEnvelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_ENV}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export function soapFault(code: 'soap:Client' | 'soap:Server', reason: string): string {
  return soapEnvelope(`<soap:Fault><faultcode>${code}</faultcode><faultstring>${esc(reason)}</faultstring></soap:Fault>`);
}

/** A stable 32-hex-digit id (the registers' GUID form) from the parts that identify a record. */
export function guidOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true });

/** The first element inside the SOAP Body, by local name, with its content as plain objects. */
export function soapBodyOf(text: string): { name: string; content: Record<string, unknown> } | undefined {
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const envelope = parsed.Envelope as Record<string, unknown> | undefined;
  const body = envelope?.Body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return undefined;
  const name = Object.keys(body).find((key) => !key.startsWith('@'));
  if (!name) return undefined;
  const content = body[name];
  return { name, content: content && typeof content === 'object' ? (content as Record<string, unknown>) : {} };
}

/**
 * The XML-DSig element the Incomes Register's schemas require on every record. The stand-in's is
 * complete in form (digest of the record body, SHA-256 names), but its value is not made with a
 * certificate: the adapters do not verify register signatures yet (docs/income-verification.md).
 */
export function signatureOf(content: string): string {
  const digest = createHash('sha256').update(content).digest('base64');
  return (
    '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>' +
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>' +
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
    '<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>' +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${digest}</ds:DigestValue></ds:Reference>` +
    `</ds:SignedInfo><ds:SignatureValue>${digest}</ds:SignatureValue></ds:Signature>`
  );
}
