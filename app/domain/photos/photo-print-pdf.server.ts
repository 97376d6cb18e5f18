import { PDFDocument, type PDFFont, type PDFPage, type rgb, StandardFonts } from 'pdf-lib'
import sharp from 'sharp'
import { type ClinicIdentity } from '#app/domain/consent/consent-pdf.server.ts'
import { toEncodableText, wrapText } from '#app/domain/shared/pdf-text.rules.ts'
import { A4, INK, MARGIN, MUTED, TEXT_WIDTH } from '#app/domain/shared/pdf-writer.ts'
import { readImage } from '#app/domain/media/image-store.server.ts'
import { coursePosition } from '#app/domain/treatment/treatment.rules.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { INTL_LOCALES, type Locale } from '#app/i18n/locales.ts'
import { photoCompareMessages } from '#app/i18n/messages/index.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { groupName } from './photo-labels.ts'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { clinicIdentity } from '#app/domain/consent/consent-patient.server.ts'
import { getDb } from '#db/client.server.ts'
import { getPhotoPrint, type PhotoPrint } from './photo-compare.server.ts'
import { type PhotoCompareQuery } from './photo-compare.schema.ts'

/**
 * The photos of one area and view printed for the patient (issue 18): one A4 page in the style of
 * the consent PDF (pdf-lib, standard fonts): the clinic, the patient's name, the area and view,
 * and the two photos side by side with their dates, stages and session numbers. pdf-lib embeds
 * JPEG and PNG only, so each stored WebP is turned into a JPEG in memory (nothing is written).
 */

const GAP = 16

type Fonts = { regular: PDFFont; bold: PDFFont }

function writer(page: PDFPage, fonts: Fonts) {
  const sets = new Map<PDFFont, Set<number>>()
  const clean = (text: string, font: PDFFont) => {
    let set = sets.get(font)
    if (!set) {
      set = new Set(font.getCharacterSet())
      sets.set(font, set)
    }
    return toEncodableText(text, set)
  }
  let y = A4.height - MARGIN
  return {
    clean,
    get y() {
      return y
    },
    set y(value: number) {
      y = value
    },
    /** Writes wrapped text at x within width, from the current line down. */
    text(
      text: string,
      options: {
        font?: PDFFont
        size?: number
        color?: ReturnType<typeof rgb>
        x?: number
        width?: number
        top?: number
      } = {},
    ): number {
      const font = options.font ?? fonts.regular
      const size = options.size ?? 10.5
      const x = options.x ?? MARGIN
      let line = options.top ?? y
      for (const part of wrapText(clean(text, font), options.width ?? TEXT_WIDTH, (s) =>
        font.widthOfTextAtSize(s, size),
      )) {
        line -= size * 1.4
        page.drawText(part, { x, y: line + size * 0.3, size, font, color: options.color ?? INK })
      }
      if (options.top === undefined) y = line
      return line
    },
  }
}

/** A stored display file as a JPEG pdf-lib can embed, or null when it cannot be read. */
async function jpegOf(displayKey: string): Promise<Buffer | null> {
  const webp = await readImage('clinical', displayKey)
  if (!webp) return null
  try {
    return await sharp(webp).jpeg({ quality: 85 }).toBuffer()
  } catch {
    return null
  }
}

export async function renderPhotoPrintPdf(
  print: PhotoPrint,
  meta: { clinic: ClinicIdentity; locale: Locale; generatedAt: Date; timeZone: string },
): Promise<Uint8Array> {
  const { locale } = meta
  const t = translator(photoCompareMessages, locale)
  const group = groupName(print.group, locale)
  const pdf = await PDFDocument.create()
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  }
  // The title names no patient and no area: a PDF's properties travel with the file.
  pdf.setTitle(t('pdfTitle'))
  pdf.setLanguage(INTL_LOCALES[locale].dates)
  pdf.setAuthor(meta.clinic.name)
  pdf.setCreator('Dermadesk')
  pdf.setProducer('Dermadesk (pdf-lib)')
  pdf.setCreationDate(meta.generatedAt)
  pdf.setModificationDate(meta.generatedAt)

  const page = pdf.addPage([A4.width, A4.height])
  const w = writer(page, fonts)
  w.text(meta.clinic.name, { font: fonts.bold, size: 11, color: MUTED })
  const contact = [meta.clinic.address, meta.clinic.phone, meta.clinic.email].filter(Boolean)
  if (contact.length) w.text(contact.join(' - '), { size: 9, color: MUTED })
  w.y -= 8
  w.text(t('pdfTitle'), { font: fonts.bold, size: 18 })
  w.y -= 4
  w.text(t('pdfPatient', { name: print.patient.fullName }))
  w.text(t('pdfGroup', { group }))
  w.y -= 16

  // Side by side: two columns (one wide column for a single photo), captions under each.
  const columns = print.photos.length
  const columnWidth = columns > 1 ? (TEXT_WIDTH - GAP * (columns - 1)) / columns : TEXT_WIDTH
  const maxHeight = columns > 1 ? 420 : 480
  const top = w.y
  let lowest = top
  for (const [index, photo] of print.photos.entries()) {
    const x = MARGIN + index * (columnWidth + GAP)
    const jpeg = await jpegOf(photo.displayKey)
    let imageBottom = top
    if (jpeg) {
      const image = await pdf.embedJpg(jpeg)
      const scale = Math.min(columnWidth / image.width, maxHeight / image.height)
      const width = image.width * scale
      const height = image.height * scale
      imageBottom = top - height
      page.drawImage(image, { x, y: imageBottom, width, height })
    } else {
      imageBottom = w.text(t('pdfMissing'), { x, width: columnWidth, top, color: MUTED })
    }
    const caption = t('caption', {
      stage: photo.stage,
      date: formatDateInZone(photo.visitStartAt, photo.timeZone, locale),
      session: coursePosition(photo, locale).label,
    })
    const bottom = w.text(caption, { x, width: columnWidth, top: imageBottom - 4, size: 10 })
    lowest = Math.min(lowest, bottom)
  }
  w.y = lowest - 20
  w.text(t('pdfPrivate'), { size: 10 })
  w.text(t('pdfPrinted', { date: formatDateInZone(meta.generatedAt, meta.timeZone, locale) }), {
    size: 9,
    color: MUTED,
  })

  const footer = w.clean(
    t('pdfFooter', { clinic: meta.clinic.name, page: 1, total: 1 }),
    fonts.regular,
  )
  page.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 8, font: fonts.regular, color: MUTED })
  return pdf.save()
}

/**
 * The PDF a clinician prints for the patient (audited as `clinical_photo.printed`). Its file name
 * carries no name and no health detail: `photos-<first 8 characters of the patient id>.pdf`.
 */
export async function getPhotoPrintPdf(input: {
  patientId: string
  query: PhotoCompareQuery
  viewerRoles: readonly StaffRole[]
  actor: StaffActor
  now: Date
  locale: Locale
}): Promise<
  | { ok: true; bytes: Uint8Array; filename: string }
  | { ok: false; reason: 'forbidden' | 'not-found' }
> {
  const result = getPhotoPrint(input)
  if (!result.ok) return result
  const bytes = await renderPhotoPrintPdf(result.print, {
    clinic: clinicIdentity(getDb()),
    locale: input.locale,
    generatedAt: input.now,
    timeZone: getClinicSettings().timeZone,
  })
  return { ok: true, bytes, filename: `photos-${result.print.patient.id.slice(0, 8)}.pdf` }
}
