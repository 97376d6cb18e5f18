/**
 * Text for the signed-consent PDF. The PDF uses the standard fonts (no font files to ship), whose
 * WinAnsi encoding has Western European letters only: everything else is transliterated ("Łukasz
 * Dvořák" → "Lukasz Dvorak"), and what has no Latin form becomes "?". The stored record keeps the
 * exact characters; only the printout is approximated.
 */

const FALLBACKS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ĸ: 'k',
  Ŋ: 'N',
  ŋ: 'n',
  ſ: 's',
  Ŧ: 'T',
  ŧ: 't',
  Ə: 'E',
  ə: 'e',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2713': 'v',
}

/** `text` with every character the font can encode kept, and the rest approximated. */
export function toEncodableText(text: string, supported: ReadonlySet<number>): string {
  let out = ''
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!
    if (char === '\t') out += ' '
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue
    else if (supported.has(code)) out += char
    else out += approximate(char, supported)
  }
  return out
}

function approximate(char: string, supported: ReadonlySet<number>): string {
  // Drop bidi and zero-width controls rather than printing "?".
  if (/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/.test(char)) return ''
  const fallback = FALLBACKS[char]
  if (fallback !== undefined) return fallback
  const stripped = char.normalize('NFD').replace(/\p{M}/gu, '')
  if (stripped && stripped !== char && [...stripped].every((c) => supported.has(c.codePointAt(0)!)))
    return stripped
  return '?'
}

/**
 * Greedy word wrap: lines no wider than `maxWidth` as measured by `widthOf`. A single word wider
 * than the line (a hash, a long user agent) is cut where it must be.
 */
export function wrapText(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (widthOf(candidate) <= maxWidth) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      let rest = word
      while (widthOf(rest) > maxWidth) {
        let cut = rest.length - 1
        while (cut > 1 && widthOf(rest.slice(0, cut)) > maxWidth) cut -= 1
        lines.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}
