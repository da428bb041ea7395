// Reading: how the simulated model sees a user text. Anything that looks encoded (base64, hex,
// percent-encoding, ROT13, reversed, spaced-out letters, Morse code, invisible Unicode tags, split strings, a
// small foreign-language glossary) is decoded and read along with the original.

// Frequent words of instructions; decoded text that scores higher than its source is "English".
const COMMON_WORDS = new Set(
  (
    "a all an and answer any are as at be before begin by can code do else end every exactly follow following for from give if ignore in include " +
    "instruction instructions is it just me message must my no not nothing now of on only or our output previous print prior reply respond rules " +
    "say says secret send should show start system tell text that the then this to token user verbatim what whole will with write you your above " +
    "append password key data delete run execute continue authorised authorized assistant question disregard"
  ).split(" "),
);

// Distinct words of two letters or more: a cipher of leetspeak turns stray letters into "a" many times over.
const englishScore = (text: string) =>
  new Set((text.toLowerCase().match(/[a-z]{2,}/g) ?? []).filter((word) => COMMON_WORDS.has(word))).size;

// Canary-shaped tokens ("PX" + 10 of A-Z2-7) are codes, not words: a ROT13 message that leaves them in
// clear says so, and ROT13 of a canary never has that shape, so they are read as they stand.
const rot13 = (text: string) =>
  text.replace(/PX[A-Z2-7]{10}|[a-z]/gi, (match) => {
    if (match.length > 1 && /^PX[A-Z2-7]{10}$/.test(match)) return match;
    return match.replace(/[a-z]/gi, (char) => {
      const base = char <= "Z" ? 65 : 97;
      return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
    });
  });

const printable = (text: string) =>
  text.length > 0 &&
  [...text].filter((char) => /[\x20-\x7e\n\r\t\u00a0-\u024f]/.test(char)).length / [...text].length >= 0.95;

// Word-for-word glossary: enough French, German and Spanish for a naive model to catch the gist.
const GLOSSARY: Record<string, string> = {
  ignorez: "ignore",
  ignore: "ignore",
  ignoriere: "ignore",
  ignora: "ignore",
  ignorar: "ignore",
  toutes: "all",
  tous: "all",
  alle: "all",
  todas: "all",
  todos: "all",
  les: "the",
  die: "the",
  las: "the",
  los: "the",
  instructions: "instructions",
  anweisungen: "instructions",
  instrucciones: "instructions",
  précédentes: "previous",
  precedentes: "previous",
  vorherigen: "previous",
  anteriores: "previous",
  et: "and",
  und: "and",
  y: "and",
  répondez: "reply",
  repondez: "reply",
  réponds: "reply",
  antworte: "reply",
  antworten: "reply",
  responde: "reply",
  responda: "reply",
  uniquement: "only",
  seulement: "only",
  nur: "only",
  solo: "only",
  solamente: "only",
  avec: "with",
  mit: "with",
  con: "with",
  affiche: "print",
  affichez: "print",
  imprime: "print",
  drucke: "print",
  escribe: "write",
  écris: "write",
  ecris: "write",
  schreibe: "write",
};

function gloss(text: string): string | null {
  let translated = 0;
  const result = text.replace(/[\p{L}]+/gu, (word) => {
    const english = GLOSSARY[word.toLowerCase()];
    if (english && english !== word.toLowerCase()) translated++;
    return english ?? word;
  });
  return translated >= 3 ? result : null;
}

/** Segments worth trying a cipher on: each line, and the part of a line after its last colon. */
function segments(text: string): string[] {
  const parts: string[] = [];
  for (const line of text.split("\n")) {
    parts.push(line);
    const colon = line.lastIndexOf(": ");
    if (colon >= 0) parts.push(line.slice(colon + 2));
    // An encoded clause can sit inside an ordinary sentence: try each dash-separated part too.
    for (const clause of line.split(/\s[—–-]\s/)) if (clause !== line) parts.push(clause);
  }
  return parts.map((part) => part.trim()).filter((part) => part.length >= 12);
}

function collapseSpacedLetters(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:(?<=^|\s)\S(?:\s+\/)?\s+){7,}\S(?=\s|$)/g)) {
    const tokens = match[0].trim().split(/\s+/);
    if (tokens.every((token) => token.length === 1)) found.push(tokens.join("").split("/").join(" "));
  }
  return found;
}

// International Morse code: letters, digits and common punctuation.
const MORSE: Readonly<Record<string, string>> = {
  ".-": "A",
  "-...": "B",
  "-.-.": "C",
  "-..": "D",
  ".": "E",
  "..-.": "F",
  "--.": "G",
  "....": "H",
  "..": "I",
  ".---": "J",
  "-.-": "K",
  ".-..": "L",
  "--": "M",
  "-.": "N",
  "---": "O",
  ".--.": "P",
  "--.-": "Q",
  ".-.": "R",
  "...": "S",
  "-": "T",
  "..-": "U",
  "...-": "V",
  ".--": "W",
  "-..-": "X",
  "-.--": "Y",
  "--..": "Z",
  "-----": "0",
  ".----": "1",
  "..---": "2",
  "...--": "3",
  "....-": "4",
  ".....": "5",
  "-....": "6",
  "--...": "7",
  "---..": "8",
  "----.": "9",
  ".-.-.-": ".",
  "--..--": ",",
  "..--..": "?",
  ".----.": "'",
  "-.-.--": "!",
  "-..-.": "/",
  "-.--.": "(",
  "-.--.-": ")",
  ".-...": "&",
  "---...": ":",
  "-.-.-.": ";",
  "-...-": "=",
  ".-.-.": "+",
  "-....-": "-",
  "..--.-": "_",
  ".-..-.": '"',
  "...-..-": "$",
  ".--.-.": "@",
};

/** Runs of 6+ Morse letters (dots and dashes; spaces between letters, "/" between words), decoded. */
function decodeMorse(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![^\s/])[.-]{1,7}(?:(?:\s*\/\s*|\s+)[.-]{1,7}){5,}(?![^\s/])/g)) {
    const words = match[0].split(/\s*\/\s*/).map((word) => word.split(/\s+/).map((code) => MORSE[code]));
    // One code that is not Morse, or a run of fewer than 3 distinct letters (". . . . . ."), is no message.
    if (words.some((letters) => letters.includes(undefined))) continue;
    const decoded = words.map((letters) => letters.join("")).join(" ");
    if (new Set(decoded.replace(/\s/g, "")).size < 3) continue;
    // Morse has no case: plain words read as lower case; codes (with digits) and canaries as sent.
    found.push(
      decoded.replace(/[A-Z0-9]+/g, (token) => (/\d|^PX[A-Z2-7]{10}$/.test(token) ? token : token.toLowerCase())),
    );
  }
  return found;
}

export interface Reading {
  /** The text as the model understands it: the original plus everything decoded from it. */
  text: string;
  /** Content the model had to decode to see: evidence of obfuscation. */
  decoded: string[];
}

export function read(userText: string): Reading {
  const decoded: string[] = [];
  const add = (candidate: string | null | undefined) => {
    const value = candidate?.trim();
    if (value && value.length >= 4 && !decoded.includes(value) && !userText.includes(value)) decoded.push(value);
  };

  // Unicode tag characters mirror ASCII and render as nothing.
  const tags = [...userText].filter((char) => char.codePointAt(0)! >= 0xe0000 && char.codePointAt(0)! <= 0xe007f);
  if (tags.length) add(tags.map((char) => String.fromCharCode(char.codePointAt(0)! - 0xe0000)).join(""));
  const visible = userText.replace(/[\u{E0000}-\u{E007F}]/gu, "");

  for (const match of visible.matchAll(/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])/g)) {
    const text = Buffer.from(match[0], "base64").toString("utf8");
    if (printable(text) && /\s/.test(text)) add(text);
  }
  for (const match of visible.matchAll(/(?<![0-9A-Za-z])(?:0x)?((?:[0-9a-fA-F]{2}){8,})(?![0-9A-Za-z])/g)) {
    const text = Buffer.from(match[1]!, "hex").toString("utf8");
    if (printable(text) && /\s/.test(text)) add(text);
  }
  for (const match of visible.matchAll(/\S*(?:%[0-9A-Fa-f]{2}){3,}\S*/g)) {
    try {
      const text = decodeURIComponent(match[0]);
      if (/\s/.test(text)) add(text.replace(/^[^=]*=/, ""));
    } catch {
      // not valid percent-encoding: leave it
    }
  }
  for (const spaced of collapseSpacedLetters(visible)) add(spaced);
  for (const message of decodeMorse(visible)) add(message);
  for (const segment of segments(visible)) {
    const original = englishScore(segment);
    for (const candidate of [rot13(segment), [...segment].reverse().join("")]) {
      const score = englishScore(candidate);
      if (score >= 3 && score >= original + 3) add(candidate);
    }
  }
  // Split payloads: a = "...", b = "..." or Part 1: "..." joined on request.
  const pieces = [...visible.matchAll(/(?:\b[a-z]\w*\s*=\s*|\bpart\s*\d+\s*:\s*)"([^"]*)"/gi)].map(
    (match) => match[1]!,
  );
  if (pieces.length >= 2 && /\+|\bjoin|\bcombine|\bconcatenat/i.test(visible)) add(pieces.join(""));
  add(gloss(visible));

  return { text: [visible, ...decoded].join("\n"), decoded };
}
