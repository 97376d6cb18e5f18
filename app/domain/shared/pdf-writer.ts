import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib'
import { toEncodableText, wrapText } from './pdf-text.rules.ts'

/** An A4 page in PDF points, and the margin every document of the app keeps. */
export const A4 = { width: 595.28, height: 841.89 }
export const MARGIN = 56
export const TEXT_WIDTH = A4.width - 2 * MARGIN
export const INK = rgb(0.11, 0.14, 0.15)
export const MUTED = rgb(0.29, 0.33, 0.38)
/** Room kept free at the foot of each page, for a footer line. */
const FOOTER_ROOM = 20

export type TextOptions = {
  font?: PDFFont
  size?: number
  color?: ReturnType<typeof rgb>
  indent?: number
}

/**
 * Writes running text down A4 pages with pdf-lib, which has no layout of its own: it wraps lines
 * to the text width, starts a new page when the next line would not fit above the footer, and
 * replaces characters a standard font cannot draw. The consent record and the patient's data
 * export extend it with their own headings and blocks.
 */
export class PdfPageWriter<Fonts extends { regular: PDFFont; bold: PDFFont }> {
  page: PDFPage
  y = A4.height - MARGIN
  readonly pages: PDFPage[] = []
  private readonly supported = new Map<PDFFont, Set<number>>()

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    /** The size of body text, in points. */
    readonly bodySize: number,
  ) {
    this.page = this.addPage()
  }

  private addPage(): PDFPage {
    const page = this.pdf.addPage([A4.width, A4.height])
    this.pages.push(page)
    this.y = A4.height - MARGIN
    return page
  }

  /** The text with every character the font cannot draw replaced by its nearest plain form. */
  clean(text: string, font: PDFFont): string {
    let set = this.supported.get(font)
    if (!set) {
      set = new Set(font.getCharacterSet())
      this.supported.set(font, set)
    }
    return toEncodableText(text, set)
  }

  /** Room left on this page, above the footer. */
  get room(): number {
    return this.y - (MARGIN + FOOTER_ROOM)
  }

  /** A new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.y - height < MARGIN + FOOTER_ROOM) this.page = this.addPage()
  }

  /** The height `text` takes when written with these options. */
  measure(text: string, options: TextOptions = {}) {
    const font = options.font ?? this.fonts.regular
    const size = options.size ?? this.bodySize
    const lines = wrapText(this.clean(text, font), TEXT_WIDTH - (options.indent ?? 0), (s) =>
      font.widthOfTextAtSize(s, size),
    )
    return lines.length * size * 1.4
  }

  space(points: number) {
    this.y -= points
  }

  text(text: string, options: TextOptions = {}) {
    const font = options.font ?? this.fonts.regular
    const size = options.size ?? this.bodySize
    const indent = options.indent ?? 0
    const lineHeight = size * 1.4
    for (const line of wrapText(this.clean(text, font), TEXT_WIDTH - indent, (s) =>
      font.widthOfTextAtSize(s, size),
    )) {
      this.ensure(lineHeight)
      this.y -= lineHeight
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y + size * 0.3,
        size,
        font,
        color: options.color ?? INK,
      })
    }
  }
}
