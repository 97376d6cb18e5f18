import { Link } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { type ShownPhoto } from '#app/domain/photos/photo-labels.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { photoCompareMessages } from '#app/i18n/messages/index.ts'
import { formatPercent } from '#app/utils/format.ts'

/** One photo with its caption: stage, visit date and session of the course. */
export function PhotoFigure({
  photo,
  size = 'display',
}: {
  photo: ShownPhoto
  size?: 'thumb' | 'display'
}) {
  return (
    <figure className={`photo-figure photo-figure--${size}`}>
      <img
        src={size === 'thumb' ? photo.thumbSrc : photo.displaySrc}
        alt={photo.alt}
        width={photo.width}
        height={photo.height}
        loading={size === 'thumb' ? 'lazy' : undefined}
        decoding="async"
      />
      <figcaption>{photo.caption}</figcaption>
    </figure>
  )
}

/**
 * The before/after slider, added with JavaScript only: the later photo lies over the earlier one
 * and a real range input (arrows, Page Up/Down, Home and End) sets how much of it shows, through a
 * clip-path. Without JavaScript nothing renders here and the side-by-side figures stay. The reveal
 * is set as a CSS custom property from script (never a style attribute: the CSP forbids those).
 */
export function BeforeAfterSlider({ from, to }: { from: ShownPhoto; to: ShownPhoto }) {
  const t = useT(photoCompareMessages)
  const locale = useLocale()
  const id = useId()
  const [enhanced, setEnhanced] = useState(false)
  const [reveal, setReveal] = useState(50)
  const stageRef = useRef<HTMLDivElement>(null)

  useEffect(() => setEnhanced(true), [])
  useEffect(() => {
    stageRef.current?.style.setProperty('--reveal', `${reveal}%`)
  }, [reveal, enhanced])

  if (!enhanced) return null
  return (
    <section aria-labelledby={`${id}-heading`} className="stack">
      <h2 id={`${id}-heading`}>{t('sliderHeading')}</h2>
      <div className="photo-slider" ref={stageRef}>
        <img src={from.displaySrc} alt={from.alt} width={from.width} height={from.height} />
        <img
          className="photo-slider__after"
          src={to.displaySrc}
          alt={to.alt}
          width={to.width}
          height={to.height}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-range`}>{t('sliderLabel')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('sliderHint')}
        </p>
        <input
          id={`${id}-range`}
          className="photo-slider__range"
          type="range"
          min={0}
          max={100}
          step={5}
          value={reveal}
          aria-describedby={`${id}-hint`}
          aria-valuetext={t('sliderValue', { percent: formatPercent(reveal / 100, locale) })}
          onChange={(event) => setReveal(Number(event.currentTarget.value))}
        />
      </div>
    </section>
  )
}

export type PhotoSummaryShown = {
  patientId: string
  hiddenCount: number
  groups: {
    area: string
    view: string
    name: string
    before: ShownPhoto | null
    after: ShownPhoto | null
  }[]
}

/**
 * The photos section of the chart and the appointment (clinicians only): per area and view the
 * latest "before" and "after" thumbnails, and a link to compare that area and view.
 */
export function PhotoSummarySection({ summary }: { summary: PhotoSummaryShown }) {
  const t = useT(photoCompareMessages)
  const id = useId()
  return (
    <section aria-labelledby={`${id}-photos`} className="stack">
      <h2 id={`${id}-photos`}>{t('sectionHeading')}</h2>
      {summary.hiddenCount > 0 ? (
        <p className="notice">{t('hidden', { count: summary.hiddenCount })}</p>
      ) : null}
      {summary.groups.length === 0 ? <p>{t('sectionEmpty')}</p> : null}
      {summary.groups.map((group) => (
        <div key={`${group.area}/${group.view}`} className="photo-summary stack">
          <h3>{group.name}</h3>
          <dl className="photo-summary__pair">
            {(
              [
                ['before', t('latestBefore'), group.before],
                ['after', t('latestAfter'), group.after],
              ] as const
            ).map(([stage, label, photo]) => (
              <div key={stage}>
                <dt>{label}</dt>
                <dd>{photo ? <PhotoFigure photo={photo} size="thumb" /> : t('noneYet')}</dd>
              </div>
            ))}
          </dl>
          <p>
            <Link
              to={`/staff/patients/${summary.patientId}/photos?${new URLSearchParams({
                area: group.area,
                view: group.view,
              })}`}
            >
              {t('compareLink', { group: group.name })}
            </Link>
          </p>
        </div>
      ))}
    </section>
  )
}
