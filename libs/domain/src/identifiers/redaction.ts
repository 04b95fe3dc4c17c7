/**
 * Identity codes must never reach a log line. The patterns are deliberately broad: anything
 * shaped like a Finnish henkilötunnus (DDMMYY, century sign, NNN, check character) or a Swedish
 * personnummer/samordningsnummer (optional century, a plausible YYMMDD, optional - or +, four
 * digits) is replaced, valid check digit or not, because a mistyped code is still personal
 * data. The price is that some unrelated 10- or 12-digit numbers (a phone number such as
 * 0701234567 looks like a date) are redacted too.
 */
const FINNISH_CODE = /(?<![0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y](?![0-9A-Za-z])/gi;
const SWEDISH_NUMBER =
  /(?<!\d)(?:(?:18|19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}(?!\d)/g;

export const REDACTED = '[REDACTED]';

export function redactIdentityCodes(text: string): string {
  return text.replace(FINNISH_CODE, REDACTED).replace(SWEDISH_NUMBER, REDACTED);
}

/**
 * Keeps what a person needs to recognise a code on screen, the date part and the separator,
 * and hides the individual number and check character: `131052-****`, `19121212-****`.
 * Anything not shaped like an identity code is hidden completely.
 */
export function maskIdentityCode(code: string): string {
  const text = typeof code === 'string' ? code.trim() : '';
  const finnish = /^(\d{6}[-+A-FU-Y])\d{3}[0-9A-Y]$/i.exec(text);
  if (finnish) return `${finnish[1].toUpperCase()}****`;
  const swedish = /^(\d{6}|\d{8})([-+]?)\d{4}$/.exec(text);
  if (swedish) return `${swedish[1]}${swedish[2] || '-'}****`;
  return '****';
}
