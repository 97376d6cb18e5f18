import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib'
import sharp from 'sharp'
import { MARGIN, MUTED, PdfPageWriter } from '#app/domain/shared/pdf-writer.ts'
import { readImage } from '#app/domain/media/image-store.server.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { INTL_LOCALES } from '#app/i18n/locales.ts'
import {
  manageMessages,
  myDataMessages,
  photosMessages,
  visitMessages,
} from '#app/i18n/messages/index.ts'
import { formatAppointment, formatDateAndTime, formatDateInZone } from '#app/utils/format.ts'
import { type MyDataExport } from './my-data.schema.ts'

/**
 * "My data" as a readable PDF, in the export's language: the clinic, a short introduction, then
 * one heading per section of the JSON (docs/my-data-format.md) with its rows in plain words, the
 * consent texts in full, and each clinical photo as a thumbnail. Built like the consent PDF
 * (pdf-lib, standard fonts, text approximated where Helvetica has no glyph); pdf-lib embeds JPEG
 * and PNG only, so each stored WebP thumbnail is turned into a JPEG in memory.
 */

const THUMB = 110

type Fonts = { regular: PDFFont; bold: PDFFont }

class Writer extends PdfPageWriter<Fonts> {
  /** A section heading, kept with at least three lines of what follows. */
  heading(text: string, size = 14) {
    this.ensure(size * 3 + 3 * 14)
    this.space(size * 0.8)
    this.text(text, { font: this.fonts.bold, size })
    this.space(4)
  }

  /** The first line of an item, in bold, kept with two lines after it. */
  item(text: string) {
    this.ensure(11 * 1.4 * 3)
    this.space(4)
    this.text(text, { font: this.fonts.bold, size: 11 })
  }
}

/** A stored thumbnail as a JPEG pdf-lib can embed, or null when it cannot be read. */
async function jpegOf(key: string): Promise<Buffer | null> {
  const webp = await readImage('clinical', key)
  if (!webp) return null
  try {
    return await sharp(webp).jpeg({ quality: 85 }).toBuffer()
  } catch {
    return null
  }
}

export async function renderMyDataPdf(
  data: MyDataExport,
  options: { timeZone: string },
): Promise<Uint8Array> {
  const { locale } = data
  const zone = options.timeZone
  const t = translator(myDataMessages, locale)
  const status = translator(manageMessages, locale)
  const visit = translator(visitMessages, locale)
  const photoWords = translator(photosMessages, locale)
  const date = (at: string) => formatDateInZone(new Date(at), zone, locale)
  const dateTime = (at: string) => formatDateAndTime(new Date(at), zone, locale)
  const generatedAt = new Date(data.generatedAt)

  const pdf = await PDFDocument.create()
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  }
  // The title names nobody: a PDF's properties travel with the file.
  pdf.setTitle(t('pdfTitle'))
  pdf.setLanguage(INTL_LOCALES[locale].dates)
  pdf.setAuthor(data.clinic.name)
  pdf.setCreator('Dermadesk')
  pdf.setProducer('Dermadesk (pdf-lib)')
  pdf.setCreationDate(generatedAt)
  pdf.setModificationDate(generatedAt)

  const w = new Writer(pdf, fonts, 10)
  w.text(data.clinic.name, { font: fonts.bold, size: 11, color: MUTED })
  const contact = [data.clinic.address, data.clinic.phone, data.clinic.email].filter(Boolean)
  if (contact.length) w.text(contact.join(' - '), { size: 9, color: MUTED })
  w.space(8)
  w.text(t('pdfTitle'), { font: fonts.bold, size: 20 })
  w.space(4)
  w.text(t('pdfIntro', { clinic: data.clinic.name, date: date(data.generatedAt) }))
  w.text(t('pdfPrivate'))

  const section = <T>(key: Parameters<typeof t>[0], rows: T[], each: (row: T) => void) => {
    w.heading(t(key))
    if (rows.length === 0) w.text(t('nothing'), { color: MUTED })
    for (const row of rows) each(row)
  }

  w.heading(t('section.contact'))
  for (const person of [data.patient, ...data.mergedRecords]) {
    if (person !== data.patient) {
      w.space(4)
      w.text(t('otherRecord'), { color: MUTED })
    }
    w.text(t('name', { value: person.fullName }))
    w.text(t('email', { value: person.email }))
    w.text(t('phone', { value: person.phone }))
    w.text(t('dateOfBirth', { value: person.dateOfBirth }))
  }

  section('section.bookings', data.bookings, (booking) => {
    w.item(
      t('visit', {
        reference: booking.reference,
        service: booking.service,
        practitioner: booking.practitioner,
      }),
    )
    w.text(
      t('when', {
        when: formatAppointment(
          new Date(booking.startAt),
          new Date(booking.endAt),
          booking.timeZone,
          locale,
        ),
      }),
    )
    w.text(t('status', { status: status(`status.${booking.status}` as 'status.confirmed') }))
    if (booking.cancelledAt) w.text(t('cancelled', { date: date(booking.cancelledAt) }))
    if (booking.cancellationReason) w.text(t('reason', { reason: booking.cancellationReason }))
    for (const arrival of booking.checkIns)
      w.text(
        t('checkedIn', {
          date: dateTime(arrival.at),
          name: arrival.clinician,
          how: arrival.identityChecked,
        }),
      )
  })

  section('section.screenings', data.screenings, (screening) => {
    w.item(t('answersSent', { date: dateTime(screening.submittedAt) }))
    if (screening.bookingReference)
      w.text(t('forVisit', { reference: screening.bookingReference }), { color: MUTED })
    for (const row of screening.answers) {
      w.text(row.question, { font: fonts.bold, size: 9.5, indent: 10 })
      w.text(row.answer, { indent: 10 })
    }
    w.space(2)
    w.text(t('outcome', { outcome: screening.outcome }), { font: fonts.bold })
    if (screening.explanations.length) {
      w.text(t('meaning'))
      for (const explanation of screening.explanations)
        w.text(`- ${explanation.text}`, { indent: 10 })
    }
  })

  section('section.clinicMessages', data.clinicMessages, (message) => {
    w.text(
      message.message
        ? t('from', { from: message.from, date: dateTime(message.at), message: message.message })
        : t('decided', { kind: message.kind, date: dateTime(message.at) }),
    )
  })

  section('section.consents', data.consents, (consent) => {
    w.item(t('consent', { title: consent.title, number: consent.versionNumber }))
    w.text(t('signedOn', { date: dateTime(consent.signedAt), name: consent.typedName }))
    if (consent.countersignature)
      w.text(
        t('countersigned', {
          name: consent.countersignature.clinicianName,
          date: dateTime(consent.countersignature.at),
        }),
      )
    if (consent.withdrawal) w.text(t('withdrawn', { date: dateTime(consent.withdrawal.at) }))
    w.text(t('clinicalPhotos', { choice: consent.photoClinical ? 'yes' : 'no' }))
    w.text(t('marketingPhotos', { choice: consent.photoMarketing ? 'yes' : 'no' }))
    w.space(4)
    w.text(t('signedText'), { font: fonts.bold, size: 9.5 })
    w.text(consent.text, { size: 9 })
  })

  section('section.treatments', data.treatments, (record) => {
    w.item(
      t('treatment', {
        reference: record.bookingReference,
        date: dateTime(record.recordedAt),
        name: record.recordedBy,
      }),
    )
    if (record.correctsRecordId) w.text(t('correction'), { color: MUTED })
    for (const area of record.areas) w.text(t('area', area), { indent: 10 })
    if (record.passes !== null) w.text(t('passes', { count: record.passes }))
    w.text(t('device', { value: record.device }))
    w.text(t('lot', { value: record.cartridgeLot }))
    w.text(t('numbing', { value: record.numbingCream }))
    if (record.numbingMinutes !== null)
      w.text(t('numbingMinutes', { count: record.numbingMinutes }))
    w.text(t('redness', { value: record.redness }))
    w.text(t('bleeding', { value: record.bleeding }))
    if (record.appliedToSkin) w.text(t('applied', { value: record.appliedToSkin.join(', ') }))
    if (record.aftercareProduct) w.text(t('aftercare', { value: record.aftercareProduct }))
    if (record.notes) w.text(t('notes', { value: record.notes }))
  })

  w.heading(t('section.photos'))
  if (data.photos.length === 0) w.text(t('nothing'), { color: MUTED })
  for (const photo of data.photos) {
    const jpeg = await jpegOf(photo.thumbnailSha256)
    const image = jpeg ? await pdf.embedJpg(jpeg) : null
    const scale = image ? Math.min(THUMB / image.width, THUMB / image.height) : 0
    w.ensure((image ? image.height * scale : 0) + 40)
    w.space(4)
    w.text(
      t('photo', {
        area: visit(`area.${photo.area}` as 'area.cheeks'),
        view: photoWords(`view.${photo.view}` as 'view.front'),
        stage: photo.stage,
        date: date(photo.takenAt),
      }),
      { font: fonts.bold },
    )
    w.text(photo.bookingReference, { color: MUTED, size: 9 })
    if (photo.hiddenAfterWithdrawal) w.text(t('photoHidden'), { color: MUTED, size: 9 })
    if (image) {
      const height = image.height * scale
      w.space(height + 4)
      w.page.drawImage(image, { x: MARGIN, y: w.y, width: image.width * scale, height })
    } else w.text(t('photoMissing'), { color: MUTED })
  }

  section('section.waitlist', data.waitlist, (entry) => {
    w.item(t('waitlist', { service: entry.service, from: entry.fromDate, to: entry.toDate }))
    w.text(t('waitlistStatus', { status: entry.status }))
  })

  section('section.emails', data.emails, (email) => {
    w.text(t('emailLine', { date: dateTime(email.createdAt), subject: email.subject }))
  })
  if (data.emails.some((email) => email.text === null))
    w.text(t('emailCleared'), { color: MUTED, size: 9 })

  section('section.requests', data.privacyRequests, (request) => {
    w.item(t('request', { kind: request.kind, date: date(request.requestedAt) }))
    w.text(t('requestStatus', { status: request.status }))
    if (request.decisionReason) w.text(t('answer', { reason: request.decisionReason }))
  })

  const total = w.pages.length
  w.pages.forEach((page, index) => {
    const footer = w.clean(
      `${data.clinic.name} - ${t('pdfPage', { page: index + 1, total })}`,
      fonts.regular,
    )
    page.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 8, font: fonts.regular, color: MUTED })
  })
  return pdf.save()
}
