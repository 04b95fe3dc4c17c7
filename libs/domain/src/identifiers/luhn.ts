/**
 * The Luhn (mod 10) check digit of a string of digits: from the right, every other digit
 * starting with the rightmost is doubled (digits of the product summed). Used by Swedish
 * personnummer and Bankgirot OCR references.
 */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = payload.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}
