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

/**
 * How skin heals after needling, as a picture and as text, from the tier's healing course
 * (app/domain/clinical-content/tier-content.ts). The picture is inline SVG (no files to load, no
 * style attributes: the CSP allows neither): one panel per stage, each showing the stage on a
 * lighter and a deeper skin tone with its days and name written in it. The panels together are
 * one image with a text alternative; the ordered list under it says everything in words. Used on
 * the consent step, the booking page and the aftercare page; the signed PDF draws the same shapes.
 */

export type HealingTier = ContentTier

function StagePanel({ stage }: { stage: HealingStage }) {
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
      {stageLabelLines(stage).map((line, index) => (
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
export function healingTimelineText(tier: HealingTier): string {
  return tierContent(tier).stages.map(stageLine).join('\n')
}

export function HealingTimeline({
  tier,
  headingLevel = 2,
}: {
  tier: HealingTier
  headingLevel?: 2 | 3 | 4
}) {
  const id = useId()
  const { stages } = tierContent(tier)
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!
  return (
    <section className="healing-timeline" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>How your skin heals</Heading>
      <div className="healing-timeline__picture" role="img" aria-label={timelineAltText(stages)}>
        {stages.map((stage) => (
          <div key={stage.key} className="healing-timeline__stage">
            <StagePanel stage={stage} />
          </div>
        ))}
      </div>
      <p className="muted healing-timeline__tones">
        Each stage is shown on a lighter skin tone (top) and a deeper skin tone (below).
      </p>
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
