// The encodings a file is read in, and writing text back in the same one. A file is written
// only when its encoding is known for certain: encoding the text as read gives back exactly
// the bytes on disk. Anything else (invalid UTF-8 read with U+FFFD, a mix of encodings) is
// never written, so no byte a drafter saved is replaced by one the checker guessed.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-bom' | 'utf-16be-bom' | 'windows-1252';

/** How each encoding is named in messages. */
export const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with a byte-order mark',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'utf-16le-bom': 'UTF-16LE with a byte-order mark',
  'utf-16be-bom': 'UTF-16BE with a byte-order mark',
  'windows-1252': 'Windows-1252',
};

/** Windows-1252 bytes 0x80–0x9F (the rest of the upper half is Latin-1 as it is). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** Bytes Windows-1252 leaves undefined: their presence means the file is something else. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const CP1252_ENCODE = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = new Array<string>(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    out += codes.join('');
  }
  return out;
}

/** Windows-1252 bytes of `text`, or the first character it cannot hold. */
export function encodeWindows1252(text: string): { bytes?: Buffer; unencodable?: string } {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : CP1252_ENCODE.get(text[i]);
    if (mapped === undefined) return { unencodable: text.codePointAt(i) === code ? text[i] : String.fromCodePoint(text.codePointAt(i)!) };
    bytes[i] = mapped;
  }
  return { bytes };
}

/**
 * Could these bytes (not valid UTF-8) be Windows-1252, as Word saves "plain text"? Only when
 * no byte is one Windows-1252 leaves undefined and no valid UTF-8 multi-byte sequence occurs
 * (that would be a mix of UTF-8 and something else, whose encoding cannot be known).
 */
export function looksLikeWindows1252(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (CP1252_UNDEFINED.has(b)) return false;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length > 0 && i + length <= bytes.length && isUtf8Sequence(bytes, i, length)) return false;
  }
  return true;
}

function isUtf8Sequence(bytes: Uint8Array, at: number, length: number): boolean {
  for (let k = 1; k < length; k++) if ((bytes[at + k] & 0xc0) !== 0x80) return false;
  return true;
}

/** The bytes of `text` in `encoding`, or the first character that encoding cannot hold. */
export function encodeText(text: string, encoding: TextEncodingName): { bytes?: Buffer; unencodable?: string } {
  switch (encoding) {
    case 'utf-8':
      return { bytes: Buffer.from(text, 'utf8') };
    case 'utf-8-bom':
      return { bytes: Buffer.from('\uFEFF' + text, 'utf8') };
    case 'utf-16le':
    case 'utf-16le-bom':
      return { bytes: Buffer.from((encoding === 'utf-16le-bom' ? '\uFEFF' : '') + text, 'utf16le') };
    case 'utf-16be':
    case 'utf-16be-bom': {
      const bytes = Buffer.from((encoding === 'utf-16be-bom' ? '\uFEFF' : '') + text, 'utf16le');
      bytes.swap16();
      return { bytes };
    }
    case 'windows-1252':
      return encodeWindows1252(text);
  }
}

/** Encoding `text` as read gives back exactly `bytes`: only then may the file be rewritten. */
export function roundTrips(bytes: Buffer, text: string, encoding: TextEncodingName): boolean {
  const encoded = encodeText(text, encoding).bytes;
  return encoded !== undefined && encoded.equals(bytes);
}
