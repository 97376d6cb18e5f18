import { inflateSync } from 'node:zlib'
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'

// WinAnsi bytes 0x80–0x9f that differ from Latin-1 and that Italian text uses.
const WIN_ANSI: Record<string, string> = { '\x92': '’', '\x93': '“', '\x94': '”', '\x95': '•' }

/**
 * Every string drawn on a PDF's pages, one per line, decoded from the hex strings pdf-lib writes
 * for the standard fonts (WinAnsi). For tests that read what a consent PDF says.
 */
export function pageText(doc: PDFDocument): string {
  const parts: string[] = []
  for (const page of doc.getPages()) {
    const contents = page.node.Contents()
    const streams = contents && 'asArray' in contents ? contents.asArray() : [contents]
    for (const ref of streams) {
      const stream = doc.context.lookup(ref as never)
      if (!(stream instanceof PDFRawStream)) continue
      const filter = stream.dict.get(PDFName.of('Filter'))
      const raw = filter ? inflateSync(stream.contents) : Buffer.from(stream.contents)
      for (const match of raw.toString('latin1').matchAll(/<([0-9A-Fa-f]*)> Tj/g))
        parts.push(
          Buffer.from(match[1]!, 'hex')
            .toString('latin1')
            .replace(/[\x92-\x95]/g, (c) => WIN_ANSI[c] ?? c),
        )
    }
  }
  return parts.join('\n')
}

/** The title and the page text of a PDF file. */
export async function pdfText(
  bytes: Uint8Array,
): Promise<{ title: string | undefined; text: string }> {
  const doc = await PDFDocument.load(bytes)
  return { title: doc.getTitle(), text: pageText(doc) }
}
