// Personal data in text: e-mail addresses, payment card numbers (Luhn-checked), US social security
// numbers, phone numbers and IBANs (checksum-checked). Documentation placeholders do not count.
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

// Documentation placeholders (RFC 2606 / RFC 6761) are examples, not someone's data.
const PLACEHOLDER_EMAIL = /@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i;

export interface PiiHit {
  kind: string;
  value: string;
}

export function findPii(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const match of text.matchAll(
    /\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g,
  )) {
    if (!PLACEHOLDER_EMAIL.test(match[0])) hits.push({ kind: "email address", value: match[0] });
  }
  for (const match of text.matchAll(/\b(?:\d[ -]?){12,18}\d\b/g)) {
    const digits = match[0].replace(/\D/g, "");
    if (
      digits.length >= 13 &&
      digits.length <= 19 &&
      /^[2-6]/.test(digits) &&
      luhnValid(digits) &&
      !/^(\d)\1+$/.test(digits)
    )
      hits.push({ kind: "payment card number", value: match[0] });
  }
  for (const match of text.matchAll(/\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g))
    hits.push({ kind: "US social security number", value: match[0] });
  // Not part of a longer digit run (a card number's groups are not a phone number).
  for (const match of text.matchAll(
    /(?<!\d[ .-]?)(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)|\b\d{2,4})[ .-]\d{2,4}[ .-]\d{2,5}\b(?![ .-]?\d)/g,
  )) {
    const digits = match[0].replace(/\D/g, "");
    // Dates, version numbers and SSNs share the shape; a phone number has 9 to 15 digits.
    if (digits.length < 9 || digits.length > 15) continue;
    if (/^\d{3}-\d{2}-\d{4}$/.test(match[0]) || /^\d{4}[-.]\d{2}[-.]\d{2}$/.test(match[0])) continue;
    hits.push({ kind: "phone number", value: match[0].trim() });
  }
  for (const match of text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g)) {
    const compact = match[0].replace(/ /g, "");
    if (compact.length >= 15 && compact.length <= 34 && ibanValid(compact))
      hits.push({ kind: "IBAN", value: match[0] });
  }
  return hits;
}
