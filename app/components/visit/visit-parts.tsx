import {
  AFTERCARE_PRODUCT_LABELS,
  productsNeedingConfirmation,
  SKIN_PRODUCT_LABELS,
  type TreatmentProducts,
} from '#app/domain/treatment/skin-products.rules.ts'
import { type ScreeningClearance } from '#app/domain/treatment/treatment.rules.ts'
import {
  ANAESTHETIC_LABELS,
  BLEEDING_LABELS,
  REDNESS_LABELS,
  TREATMENT_AREA_LABELS,
  type TreatmentArea,
} from '#app/domain/treatment/treatment.schema.ts'
import { formatDateInZone, formatDepthMm, formatTimeInZone } from '#app/utils/format.ts'

const CLEARANCE_BADGES: Record<ScreeningClearance, { label: string; tone: string }> = {
  not_required: { label: 'No screening (consultation)', tone: 'neutral' },
  missing: { label: 'No answers', tone: 'bad' },
  clear: { label: 'Clear', tone: 'ok' },
  approved: { label: 'Approved by a clinician', tone: 'ok' },
  needs_review: { label: 'Needs review', tone: 'warn' },
  declined: { label: 'Declined', tone: 'bad' },
  renewal_due: { label: 'Renewal due', tone: 'warn' },
}

/** Where the health answers stand for this visit, in words (never colour alone). */
export function ScreeningClearanceBadge({ clearance }: { clearance: ScreeningClearance }) {
  const badge = CLEARANCE_BADGES[clearance]
  return <span className={`badge badge--${badge.tone}`}>Screening: {badge.label}</span>
}

export type TreatmentEntryView = {
  id: string
  bookingReference: string
  serviceName: string
  visitStartAt: number
  areas: { area: TreatmentArea; depthUm: number }[]
  device: string
  cartridgeLot: string
  anaesthetic: keyof typeof ANAESTHETIC_LABELS
  anaestheticMinutes: number | null
  rednessGrade: number
  bleeding: keyof typeof BLEEDING_LABELS
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
  return (
    <ol className="stack treatment-entries" reversed>
      {entries.map((entry) => (
        <li key={entry.id} className="card">
          <h3>
            {showVisit
              ? `${formatDateInZone(entry.visitStartAt, timeZone)}: ${entry.serviceName} (${entry.bookingReference})`
              : entry.correctsRecordId
                ? 'Correction'
                : 'Treatment record'}
            {entry.correctedBy ? (
              <>
                {' '}
                <span className="badge badge--neutral">Replaced by a correction</span>
              </>
            ) : null}
          </h3>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>Areas and depths</dt>
              <dd>
                {entry.areas
                  .map(
                    (area) => `${TREATMENT_AREA_LABELS[area.area]} ${formatDepthMm(area.depthUm)}`,
                  )
                  .join(', ')}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>Passes</dt>
              <dd>{entry.products.passes ?? NOT_RECORDED}</dd>
            </div>
            <ProductRows products={entry.products} />
            <div className="summary-list__row">
              <dt>Device and cartridge lot</dt>
              <dd>
                {entry.device}, lot {entry.cartridgeLot}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>Numbing cream</dt>
              <dd>
                {ANAESTHETIC_LABELS[entry.anaesthetic]}
                {entry.anaestheticMinutes !== null ? `, ${entry.anaestheticMinutes} minutes` : ''}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>Response</dt>
              <dd>
                Redness {REDNESS_LABELS[String(entry.rednessGrade) as keyof typeof REDNESS_LABELS]};
                bleeding {BLEEDING_LABELS[entry.bleeding].toLowerCase()}
              </dd>
            </div>
            {entry.notes ? (
              <div className="summary-list__row">
                <dt>Notes</dt>
                <dd className="message-text">{entry.notes}</dd>
              </div>
            ) : null}
            <div className="summary-list__row">
              <dt>Recorded</dt>
              <dd>
                {formatDateInZone(entry.recordedAt, timeZone)} at{' '}
                {formatTimeInZone(entry.recordedAt, timeZone)} by {entry.recordedBy}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  )
}

/** Records made before products were recorded (migration 0015) say so, rather than "none". */
const NOT_RECORDED = 'Not recorded'

/** What was put on the skin (with the confirmed warning) and the aftercare product given. */
function ProductRows({ products }: { products: TreatmentProducts }) {
  const applied = products.skinProducts
  const unapproved = applied ? productsNeedingConfirmation(applied) : []
  return (
    <>
      <div className="summary-list__row">
        <dt>On the skin</dt>
        <dd>
          {applied
            ? applied
                .map((product) =>
                  product === 'other'
                    ? `Other: ${products.skinProductOther ?? ''}`
                    : SKIN_PRODUCT_LABELS[product],
                )
                .join(', ')
            : NOT_RECORDED}
          {unapproved.length > 0 ? (
            <>
              <br />
              <span className="badge badge--warn">Not approved for needling</span> Warning
              confirmed. Reason: {products.skinProductReason}
            </>
          ) : null}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>Aftercare product</dt>
        <dd>
          {products.aftercareProduct
            ? [
                products.aftercareProduct === 'other'
                  ? 'Other'
                  : AFTERCARE_PRODUCT_LABELS[products.aftercareProduct],
                products.aftercareProductName,
              ]
                .filter(Boolean)
                .join(': ')
            : NOT_RECORDED}
        </dd>
      </div>
    </>
  )
}
