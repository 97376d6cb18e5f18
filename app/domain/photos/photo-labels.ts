import { coursePosition } from '#app/domain/treatment/treatment.rules.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { photoCompareMessages, photosMessages, visitMessages } from '#app/i18n/messages/index.ts'
import { formatDateInZone } from '#app/utils/format.ts'
import { type PhotoView } from './photo.constants.ts'
import { clinicalPhotoUrl } from './photo.schema.ts'
import { type ComparedPhoto, type PhotoGroup } from './photo-compare.rules.ts'
import { type PhotoSummary } from './photo-compare.server.ts'

/**
 * How a clinical photo is named on the staff pages, in the viewer's language: its caption (stage,
 * visit date in the clinic's zone, session of the course), its alternative text and its line in
 * the compare page's pickers. The files are served by `/staff/photos/<id>/<thumb|display>`
 * (clinicians only, no-store, audited per view).
 */

export type ShownPhoto = {
  id: string
  stage: ComparedPhoto['stage']
  date: string
  session: string
  caption: string
  alt: string
  option: string
  thumbSrc: string
  displaySrc: string
  width: number
  height: number
}

/** A standard view's name ("Left 45°"), from the photo pages' one catalogue. */
export function viewName(view: PhotoView, locale: Locale): string {
  return translator(photosMessages, locale)(`view.${view}`)
}

export function groupName(group: Pick<PhotoGroup, 'area' | 'view'>, locale: Locale): string {
  const t = translator(photoCompareMessages, locale)
  return t('groupName', {
    area: translator(visitMessages, locale)(`area.${group.area}`),
    view: viewName(group.view, locale),
  })
}

export function shownPhoto(photo: ComparedPhoto, locale: Locale): ShownPhoto {
  const t = translator(photoCompareMessages, locale)
  const date = formatDateInZone(photo.visitStartAt, photo.timeZone, locale)
  const session = coursePosition(photo, locale).label
  return {
    id: photo.id,
    stage: photo.stage,
    date,
    session,
    caption: t('caption', { stage: photo.stage, date, session }),
    alt: t('alt', {
      area: translator(visitMessages, locale)(`area.${photo.area}`),
      view: viewName(photo.view, locale),
      stage: photo.stage,
      date,
    }),
    option: t('photoOption', { date, session, stage: photo.stage }),
    thumbSrc: clinicalPhotoUrl(photo.id, 'thumb'),
    displaySrc: clinicalPhotoUrl(photo.id, 'display'),
    width: photo.width,
    height: photo.height,
  }
}

/** The chart's and the appointment's photos section, named for the viewer (null stays null). */
export function shownSummary(summary: PhotoSummary | null, locale: Locale) {
  if (!summary) return null
  return {
    patientId: summary.patientId,
    hiddenCount: summary.hiddenCount,
    groups: summary.groups.map((group) => ({
      area: group.area,
      view: group.view,
      name: groupName(group, locale),
      before: group.before ? shownPhoto(group.before, locale) : null,
      after: group.after ? shownPhoto(group.after, locale) : null,
    })),
  }
}
