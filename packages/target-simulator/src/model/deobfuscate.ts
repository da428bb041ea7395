// Deobfuscation: how the naive model reads through character swaps. Leetspeak digits inside words go
// back to letters and look-alike Cyrillic/Greek letters back to ASCII, as a model reading the text
// would; canaries and ordinary numbers are left as they are.

const FROM_LEET: Readonly<Record<string, string>> = { "4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t" };

// Cyrillic and Greek letters that render like a Latin one.
const FROM_HOMOGLYPH: Readonly<Record<string, string>> = {
  а: "a",
  с: "c",
  ԁ: "d",
  е: "e",
  һ: "h",
  і: "i",
  ј: "j",
  о: "o",
  р: "p",
  ԛ: "q",
  ѕ: "s",
  ԝ: "w",
  х: "x",
  у: "y",
  ү: "y",
  α: "a",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  υ: "u",
  А: "A",
  В: "B",
  С: "C",
  Е: "E",
  Н: "H",
  І: "I",
  Ј: "J",
  К: "K",
  М: "M",
  О: "O",
  Р: "P",
  Ѕ: "S",
  Т: "T",
  Х: "X",
  Ү: "Y",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
};

const CANARY = /^PX[A-Z2-7]{10}$/;
// Numbers with a unit or ordinal ("10am", "3rd", "5kg") and hex literals are not leetspeak.
const NUMBER_WITH_SUFFIX = /^(?:\d+(?:st|nd|rd|th|am|pm|k|kg|km|kb|mb|gb|ms|px|x|s|h)|0x[0-9a-f]+)$/i;

function unleet(token: string): string {
  if (CANARY.test(token) || NUMBER_WITH_SUFFIX.test(token)) return token;
  // Only a mix of letters and leet digits: plain numbers and tokens with 2, 6, 8, 9 stay.
  if (!/[A-Za-z]/.test(token) || !/[0-9]/.test(token) || /[2689]/.test(token)) return token;
  const upper = !/[a-z]/.test(token);
  return token.replace(/[013457]/g, (digit) => {
    const letter = FROM_LEET[digit]!;
    return upper ? letter.toUpperCase() : letter;
  });
}

export function deobfuscate(text: string): string {
  // A word is swapped back when it mixes scripts or is all look-alikes: real Russian or Greek words
  // have letters with no Latin twin, and stay as they are.
  const ascii = text.replace(/\p{L}+/gu, (word) =>
    /[A-Za-z]/.test(word) || [...word].every((char) => FROM_HOMOGLYPH[char])
      ? word.replace(/[^\x00-\x7f]/g, (char) => FROM_HOMOGLYPH[char] ?? char)
      : word,
  );
  return ascii.replace(/[A-Za-z0-9]+/g, unleet);
}
