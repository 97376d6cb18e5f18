import { PDFDocument, type PDFFont, type PDFImage, rgb, StandardFonts } from 'pdf-lib'
import { describeTimeZone, formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'
import {
  LABEL_FONT_SIZE,
  LABEL_LINES_Y,
  PANEL,
  SKIN_TONES,
  stageLabelLines,
  stageShapes,
  timelineAltText,
} from '#app/domain/clinical-content/timeline-picture.ts'
import { tierContent } from '#app/domain/clinical-content/tier-content.ts'
import { translator, type Translator } from '#app/i18n/catalogue.ts'
import { consentPdfMessages } from '#app/i18n/messages/index.ts'
import { INTL_LOCALES, type Locale, LOCALE_NAMES } from '#app/i18n/locales.ts'
import { type ConsentRecordView } from './consent-records.server.ts'
import { A4, INK, MARGIN, MUTED, PdfPageWriter, TEXT_WIDTH } from '#app/domain/shared/pdf-writer.ts'

/**
 * The signed consent as a PDF (pdf-lib, standard fonts): the full text the patient signed, the
 * signature (drawn image, or the typed name), the check answers and choices, and an audit block
 * with the hashes that tie it to the stored record. It names the clinic (name, address, contact,
 * from its settings) and the patient (name, date of birth), shows the tier's healing-timeline
 * picture (the same shapes as the page, app/domain/clinical-content/timeline-picture.ts), and
 * never leaves a label at the foot of a page with its value on the next.
 */

export type ClinicIdentity = { name: string; address: string; phone: string; email: string }

export type ConsentPdfMeta = {
  clinic: ClinicIdentity
  reference: string
  appointmentStartAt: number
  timeZone: string
  generatedAt: Date
}

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont; mono: PDFFont }

class Writer extends PdfPageWriter<Fonts> {
  /**
   * Keeps a label with its value: the label and the whole value go on one page when they fit on
   * a page at all, else the label and the value's first lines.
   */
  keepTogether(height: number, firstLines: number) {
    const full = A4.height - 2 * MARGIN - 20
    this.ensure(height <= full ? height : firstLines)
  }

  heading(text: string, size = 13) {
    // A heading keeps at least three lines of what follows it on its page.
    this.ensure(size * 3 + 3 * 10.5 * 1.4)
    this.space(size * 0.6)
    this.text(text, { font: this.fonts.bold, size })
    this.space(2)
  }

  field(label: string, value: string, mono = false) {
    const labelStyle = { font: this.fonts.bold, size: 9, color: MUTED }
    const valueStyle = { font: mono ? this.fonts.mono : this.fonts.regular, size: mono ? 8.5 : 10 }
    const labelHeight = this.measure(label, labelStyle)
    this.keepTogether(
      labelHeight + this.measure(value, valueStyle),
      labelHeight + 2 * valueStyle.size * 1.4,
    )
    this.text(label, labelStyle)
    this.text(value, valueStyle)
    this.space(3)
  }

  /** A question or heading line kept on the page of the line after it. */
  pair(first: string, second: string, indent = 10) {
    const firstStyle = { font: this.fonts.bold, size: 10 }
    const height = this.measure(first, firstStyle) + this.measure(second, { indent })
    this.keepTogether(height, this.measure(first, firstStyle) + 2 * 10.5 * 1.4)
    this.text(first, firstStyle)
    this.text(second, { indent })
  }

  /** The healing timeline: one panel per stage, each on a lighter and a deeper skin tone. */
  timeline(view: ConsentRecordView, t: Translator<keyof typeof consentPdfMessages.en>) {
    const locale = view.locale ?? 'en'
    const stages = tierContent(view.tier === 'cosmetic' ? 'cosmetic' : 'medical', locale).stages
    const gap = 6
    const scale = Math.min(
      0.62,
      (TEXT_WIDTH - gap * (stages.length - 1)) / (stages.length * PANEL.width),
    )
    const height = PANEL.height * scale
    this.heading(t('howSkinHeals'))
    this.ensure(height + 40)
    const top = this.y
    stages.forEach((stage, index) => {
      const left = MARGIN + index * (PANEL.width * scale + gap)
      const at = (x: number, y: number) => ({ x: left + x * scale, y: top - y * scale })
      for (const tone of SKIN_TONES)
        for (const shape of stageShapes(stage.picture, tone)) {
          const color = hex(shape.colour)
          if (shape.kind === 'circle')
            this.page.drawCircle({
              ...at(shape.cx, shape.cy),
              size: shape.r * scale,
              color,
              borderColor: shape.strokeColour ? hex(shape.strokeColour) : undefined,
              borderWidth: shape.strokeColour ? 1 : 0,
            })
          else if (shape.kind === 'ellipse')
            this.page.drawEllipse({
              ...at(shape.cx, shape.cy),
              xScale: shape.rx * scale,
              yScale: shape.ry * scale,
              color,
            })
          else
            this.page.drawSvgPath(shape.d, {
              x: left,
              y: top,
              scale,
              borderColor: color,
              borderWidth: shape.width,
            })
        }
      stageLabelLines(stage).forEach((line, lineIndex) => {
        const font = lineIndex === 0 ? this.fonts.bold : this.fonts.regular
        const size = LABEL_FONT_SIZE * scale * 1.1
        const clean = this.clean(line, font)
        const width = font.widthOfTextAtSize(clean, size)
        this.page.drawText(clean, {
          x: left + (PANEL.width * scale - width) / 2,
          y: top - LABEL_LINES_Y[lineIndex]! * scale,
          size,
          font,
          color: INK,
        })
      })
    })
    this.y = top - height
    this.space(4)
    this.text(
      locale === 'en'
        ? timelineAltText(stages)
        : t('timelineAlt', {
            stages: stages.map((stage) => `${stage.when}, ${stage.title.toLowerCase()}`).join('; '),
          }),
      { size: 9, color: MUTED },
    )
    this.space(6)
  }

  image(image: PDFImage, maxWidth: number, maxHeight: number) {
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1)
    const width = image.width * scale
    const height = image.height * scale
    this.ensure(height + 8)
    this.y -= height
    this.page.drawImage(image, { x: MARGIN, y: this.y, width, height })
    this.space(6)
  }

  footer(reference: string, t: Translator<keyof typeof consentPdfMessages.en>) {
    const total = this.pages.length
    this.pages.forEach((page, index) => {
      const label = this.clean(
        t('footer', { reference, page: index + 1, total }),
        this.fonts.regular,
      )
      page.drawText(label, {
        x: MARGIN,
        y: MARGIN / 2,
        size: 8,
        font: this.fonts.regular,
        color: MUTED,
      })
    })
  }
}

function hex(colour: string) {
  const value = Number.parseInt(colour.slice(1), 16)
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255)
}

function dateOfBirth(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale].dates, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`))
}

const PROOF_LABELS = { email_code: 'proofCode', manage_link: 'proofLink' } as const

export async function renderConsentPdf(
  view: ConsentRecordView,
  meta: ConsentPdfMeta,
): Promise<Uint8Array> {
  // In the language it was signed in: the text is the signed one, so its labels follow it.
  const locale: Locale = view.locale ?? 'en'
  const t = translator(consentPdfMessages, locale)
  const instant = (at: number, zone: string) =>
    t('instant', {
      iso: new Date(at).toISOString().replace('.000Z', 'Z'),
      date: formatDateInZone(at, zone, locale),
      time: formatTimeInZone(at, zone, locale),
      zone: describeTimeZone(zone, locale),
    })
  const pdf = await PDFDocument.create()
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
    mono: await pdf.embedFont(StandardFonts.Courier),
  }
  const title = t('signedConsent', { reference: meta.reference })
  pdf.setTitle(title)
  pdf.setSubject(t('subject', { title: view.title, number: view.versionNumber }))
  pdf.setLanguage(INTL_LOCALES[locale].dates)
  pdf.setAuthor(meta.clinic.name)
  pdf.setKeywords([
    meta.reference,
    `record-sha256:${view.recordSha256}`,
    `text-sha256:${view.textSha256}`,
  ])
  pdf.setCreator('Dermadesk')
  pdf.setProducer('Dermadesk (pdf-lib)')
  pdf.setCreationDate(meta.generatedAt)
  pdf.setModificationDate(meta.generatedAt)

  const w = new Writer(pdf, fonts, 10.5)
  w.text(meta.clinic.name, { font: fonts.bold, size: 11, color: MUTED })
  const contact = [
    meta.clinic.address,
    meta.clinic.phone && t('phone', { phone: meta.clinic.phone }),
    meta.clinic.email,
  ].filter(Boolean)
  if (contact.length) w.text(contact.join(' - '), { size: 9, color: MUTED })
  w.space(4)
  w.text(title, { font: fonts.bold, size: 18 })
  w.text(
    t('appointment', {
      date: formatDateInZone(meta.appointmentStartAt, meta.timeZone, locale),
      time: formatTimeInZone(meta.appointmentStartAt, meta.timeZone, locale),
    }),
    { color: MUTED },
  )
  w.field(t('patient'), view.patientName)
  w.field(t('dateOfBirth'), dateOfBirth(view.patientDateOfBirth, locale))
  if (view.withdrawal)
    w.text(t('withdrawnOn', { at: instant(view.withdrawal.at, meta.timeZone) }), {
      font: fonts.bold,
    })
  w.space(8)

  w.heading(view.title, 15)
  w.text(t('version', { number: view.versionNumber }), { color: MUTED })
  for (const section of view.sections) {
    w.heading(`${section.number}. ${section.title}`)
    for (const block of section.blocks) {
      if (block.type === 'paragraph') w.text(block.text)
      else for (const item of block.items) w.text(`\u2022 ${item}`, { indent: 10 })
      w.space(4)
    }
  }

  w.timeline(view, t)

  w.heading(t('signature'), 15)
  w.field(t('signedByTyped'), view.typedName)
  if (view.drawnSignature) {
    const image = await pdf.embedPng(
      Buffer.from(view.drawnSignature.replace(/^data:image\/png;base64,/, ''), 'base64'),
    )
    // The label stays on the page of the drawing.
    w.ensure(Math.min(90, image.height) + 30)
    w.text(t('drawnSignature'), { font: fonts.bold, size: 9, color: MUTED })
    w.image(image, 220, 90)
  } else {
    w.ensure(50)
    w.text(t('signature'), { font: fonts.bold, size: 9, color: MUTED })
    w.text(view.typedName, { font: fonts.italic, size: 20 })
    w.space(4)
  }
  w.field(t('declaration'), t('declarationText'))
  w.field(t('clinicalPhotos'), view.photoClinical ? t('clinicalYes') : t('no'))
  w.field(t('marketingPhotos'), view.photoMarketing ? t('marketingYes') : t('no'))

  w.heading(t('answersHeading'))
  for (const answer of view.checkAnswers) {
    w.pair(answer.prompt, answer.answer)
    w.space(2)
  }

  w.heading(t('audit'), 15)
  w.field(t('signedAt'), instant(view.signedAt, meta.timeZone))
  const proof = PROOF_LABELS[view.emailProvenBy as keyof typeof PROOF_LABELS]
  w.field(
    t('emailProvenBy'),
    proof ? t(proof, { email: view.verifiedEmail }) : `${view.emailProvenBy} ${view.verifiedEmail}`,
  )
  w.field(t('ipAddress'), view.ipAddress ?? t('notKnown'))
  w.field(t('browser'), view.userAgent ?? t('notKnown'))
  w.field(
    t('consentForm'),
    t('consentFormValue', { title: view.title, number: view.versionNumber, id: view.versionId }),
  )
  if (locale !== 'en') w.field(t('signedLanguage'), LOCALE_NAMES[locale])
  w.field(t('textHash'), view.textSha256, true)
  w.field(t('recordHash'), view.recordSha256, true)
  w.field(t('recordId'), view.id, true)
  w.field(
    t('checked'),
    `${view.integrity.textMatches ? t('textOk') : t('textBad')} ${view.integrity.recordMatches ? t('recordOk') : t('recordBad')}`,
  )
  w.field(
    t('countersignature'),
    view.countersignature
      ? t('countersignatureValue', {
          name: view.countersignature.clinicianName,
          at: instant(view.countersignature.at, meta.timeZone),
        })
      : t('notCountersigned'),
  )
  if (view.countersignature)
    w.field(t('countersignatureHash'), view.countersignature.recordSha256, true)
  if (view.withdrawal) {
    w.field(t('withdrawn'), instant(view.withdrawal.at, meta.timeZone))
    w.field(t('withdrawalHash'), view.withdrawal.recordSha256, true)
  }
  w.field(t('pdfMade'), instant(meta.generatedAt.getTime(), meta.timeZone))
  w.footer(meta.reference, t)
  return pdf.save()
}
