import {
  productsNeedingConfirmation,
  type TreatmentProducts,
} from '#app/domain/treatment/skin-products.rules.ts'
import { type ScreeningClearance } from '#app/domain/treatment/treatment.rules.ts'
import {
  type ANAESTHETICS,
  type BLEEDING_LEVELS,
  type TreatmentArea,
} from '#app/domain/treatment/treatment.schema.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { visitMessages } from '#app/i18n/messages/index.ts'
import { formatDateInZone, formatDepthMm, formatTimeInZone } from '#app/utils/format.ts'

const CLEARANCE_TONES: Record<ScreeningClearance, string> = {
  not_required: 'neutral',
  missing: 'bad',
  clear: 'ok',
  approved: 'ok',
  needs_review: 'warn',
  declined: 'bad',
  renewal_due: 'warn',
}

/** Where the health answers stand for this visit, in words (never colour alone). */
export function ScreeningClearanceBadge({ clearance }: { clearance: ScreeningClearance }) {
  const t = useT(visitMessages)
  return (
    <span className={`badge badge--${CLEARANCE_TONES[clearance]}`}>
      {t('screeningBadge', { label: t(`clearance.${clearance}`) })}
    </span>
  )
}

export type TreatmentEntryView = {
  id: string
  bookingReference: string
  serviceName: string
  visitStartAt: number
  areas: { area: TreatmentArea; depthUm: number }[]
  device: string
  cartridgeLot: string
  anaesthetic: (typeof ANAESTHETICS)[number]
  anaestheticMinutes: number | null
  rednessGrade: number
  bleeding: (typeof BLEEDING_LEVELS)[number]
  notes: string
  products: TreatmentProducts
  recordedBy: string
  recordedAt: number
  correctsRecordId: string | null
  correctedBy: string | null
}

/**
 * Treatment record entries, newest first. A corrected entry stays visible, marked as replaced:
 * records are appended, never edited.
 */
export function TreatmentEntries({
  entries,
  timeZone,
  showVisit,
}: {
  entries: TreatmentEntryView[]
  timeZone: string
  showVisit: boolean
}) {
  const t = useT(visitMessages)
  const locale = useLocale()
  return (
    <ol className="stack treatment-entries" reversed>
      {entries.map((entry) => (
        <li key={entry.id} className="card">
          <h3>
            {showVisit
              ? t('entryHeading', {
                  date: formatDateInZone(entry.visitStartAt, timeZone, locale),
                  service: entry.serviceName,
                  reference: entry.bookingReference,
                })
              : entry.correctsRecordId
                ? t('correction')
                : t('treatmentRecord')}
            {entry.correctedBy ? (
              <>
                {' '}
                <span className="badge badge--neutral">{t('replaced')}</span>
              </>
            ) : null}
          </h3>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t('areasAndDepths')}</dt>
              <dd>
                {entry.areas
                  .map((area) =>
                    t('areaDepth', {
                      area: t(`area.${area.area}`),
                      depth: formatDepthMm(area.depthUm, locale),
                    }),
                  )
                  .join(', ')}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('passesRow')}</dt>
              <dd>{entry.products.passes ?? t('notRecorded')}</dd>
            </div>
            <ProductRows products={entry.products} />
            <div className="summary-list__row">
              <dt>{t('deviceAndLot')}</dt>
              <dd>{t('deviceLot', { device: entry.device, lot: entry.cartridgeLot })}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('numbingRow')}</dt>
              <dd>
                {entry.anaestheticMinutes !== null
                  ? t('numbingMinutes', {
                      cream: t(`anaestheticKind.${entry.anaesthetic}`),
                      minutes: entry.anaestheticMinutes,
                    })
                  : t(`anaestheticKind.${entry.anaesthetic}`)}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('response')}</dt>
              <dd>
                {t('responseValue', {
                  redness: t(`rednessGrade.${String(entry.rednessGrade) as '0' | '1' | '2' | '3'}`),
                  bleeding: t(`bleedingLevel.${entry.bleeding}`).toLowerCase(),
                })}
              </dd>
            </div>
            {entry.notes ? (
              <div className="summary-list__row">
                <dt>{t('notesRow')}</dt>
                <dd className="message-text">{entry.notes}</dd>
              </div>
            ) : null}
            <div className="summary-list__row">
              <dt>{t('recorded')}</dt>
              <dd>
                {t('recordedValue', {
                  date: formatDateInZone(entry.recordedAt, timeZone, locale),
                  time: formatTimeInZone(entry.recordedAt, timeZone, locale),
                  by: entry.recordedBy,
                })}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  )
}

/**
 * What was put on the skin (with the confirmed warning) and the aftercare product given. Records
 * made before products were recorded (migration 0015) say so, rather than "none".
 */
function ProductRows({ products }: { products: TreatmentProducts }) {
  const t = useT(visitMessages)
  const applied = products.skinProducts
  const unapproved = applied ? productsNeedingConfirmation(applied) : []
  return (
    <>
      <div className="summary-list__row">
        <dt>{t('onTheSkin')}</dt>
        <dd>
          {applied
            ? applied
                .map((product) =>
                  product === 'other'
                    ? t('otherProduct', { name: products.skinProductOther ?? '' })
                    : t(`skinProduct.${product}`),
                )
                .join(', ')
            : t('notRecorded')}
          {unapproved.length > 0 ? (
            <>
              <br />
              <span className="badge badge--warn">{t('notApprovedBadge')}</span>{' '}
              {t('warningConfirmed', { reason: products.skinProductReason ?? '' })}
            </>
          ) : null}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('aftercareRow')}</dt>
        <dd>
          {products.aftercareProduct
            ? [
                products.aftercareProduct === 'other'
                  ? t('other')
                  : t(`aftercareKind.${products.aftercareProduct}`),
                products.aftercareProductName,
              ]
                .filter(Boolean)
                .join(': ')
            : t('notRecorded')}
        </dd>
      </div>
    </>
  )
}
