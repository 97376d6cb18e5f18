import { useId } from 'react'
import {
  LABEL_FONT_SIZE,
  LABEL_LINES_Y,
  PANEL,
  SKIN_TONES,
  stageLabelLines,
  stageShapes,
  timelineAltText,
} from '#app/domain/clinical-content/timeline-picture.ts'
import {
  type ContentTier,
  type HealingStage,
  stageLine,
  tierContent,
} from '#app/domain/clinical-content/tier-content.ts'
import { translate } from '#app/i18n/catalogue.ts'
import { useLocale } from '#app/i18n/locale-context.tsx'
import { type Locale } from '#app/i18n/locales.ts'
import { aftercareMessages } from '#app/i18n/messages/index.ts'

/**
 * How skin heals after needling, as a picture and as text, from the tier's healing course
 * (app/domain/clinical-content/tier-content.ts). The picture is inline SVG (no files to load, no
 * style attributes: the CSP allows neither): one panel per stage, each showing the stage on a
 * lighter and a deeper skin tone with its days and name written in it. The panels together are
 * one image with a text alternative; the ordered list under it says everything in words. Used on
 * the consent step, the booking page and the aftercare page; the signed PDF draws the same shapes.
 * It speaks the page's language (the tier content of that language), or the one it is given.
 */

export type HealingTier = ContentTier

function StagePanel({ stage, locale }: { stage: HealingStage; locale: Locale }) {
  return (
    <svg
      viewBox={`0 0 ${PANEL.width} ${PANEL.height}`}
      aria-hidden="true"
      focusable="false"
      className="healing-timeline__panel"
    >
      {SKIN_TONES.flatMap((tone) =>
        stageShapes(stage.picture, tone).map((shape, index) => {
          const key = `${tone}-${index}`
          switch (shape.kind) {
            case 'circle':
              return (
                <circle
                  key={key}
                  cx={shape.cx}
                  cy={shape.cy}
                  r={shape.r}
                  fill={shape.colour}
                  stroke={shape.strokeColour}
                  strokeWidth={shape.strokeColour ? 2 : undefined}
                />
              )
            case 'ellipse':
              return (
                <ellipse
                  key={key}
                  cx={shape.cx}
                  cy={shape.cy}
                  rx={shape.rx}
                  ry={shape.ry}
                  fill={shape.colour}
                />
              )
            case 'path':
              return (
                <path
                  key={key}
                  d={shape.d}
                  fill="none"
                  stroke={shape.colour}
                  strokeWidth={shape.width}
                  strokeLinecap="round"
                />
              )
          }
        }),
      )}
      {stageLabelLines(stage, locale).map((line, index) => (
        <text
          key={line}
          x={PANEL.width / 2}
          y={LABEL_LINES_Y[index]}
          textAnchor="middle"
          fontSize={LABEL_FONT_SIZE}
          fontWeight={index === 0 ? 700 : 400}
          fill="currentColor"
        >
          {line}
        </text>
      ))}
    </svg>
  )
}

/** The texts of the timeline, for the reading-grade and consistency tests. */
export function healingTimelineText(tier: HealingTier, locale: Locale = 'en'): string {
  return tierContent(tier, locale).stages.map(stageLine).join('\n')
}

export function HealingTimeline({
  tier,
  headingLevel = 2,
  locale: givenLocale,
}: {
  tier: HealingTier
  headingLevel?: 2 | 3 | 4
  /** The language of the text around it, when it is not the page's (a consent version's). */
  locale?: Locale
}) {
  const id = useId()
  const pageLocale = useLocale()
  const locale = givenLocale ?? pageLocale
  const t = (key: 'timelineHeading' | 'timelineTones') => translate(aftercareMessages, locale, key)
  const { stages } = tierContent(tier, locale)
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!
  return (
    <section
      className="healing-timeline"
      aria-labelledby={`${id}-heading`}
      lang={locale === pageLocale ? undefined : locale}
    >
      <Heading id={`${id}-heading`}>{t('timelineHeading')}</Heading>
      <div
        className="healing-timeline__picture"
        role="img"
        aria-label={timelineAltText(stages, locale)}
      >
        {stages.map((stage) => (
          <div key={stage.key} className="healing-timeline__stage">
            <StagePanel stage={stage} locale={locale} />
          </div>
        ))}
      </div>
      <p className="muted healing-timeline__tones">{t('timelineTones')}</p>
      <ol className="healing-timeline__steps">
        {stages.map((stage) => (
          <li key={stage.key}>
            <strong>
              {stage.when}: {stage.title}.
            </strong>{' '}
            {stage.text}
          </li>
        ))}
      </ol>
    </section>
  )
}
