import { createHash } from 'node:crypto';

/**
 * The XML-DSig element the Incomes Register's request schema requires. Its form is complete
 * (SHA-256 digest of the request parameters), but it is not made with the organisation's
 * certificate yet: real signing with the data user's key is future work
 * (docs/income-verification.md, "What is not confirmed").
 */
export function unsignedSignature(content: string): string {
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

export function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
