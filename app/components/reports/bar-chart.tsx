import { useId } from 'react'

export type Bar = {
  label: string
  /** The bar's parts, drawn one after another (a single part for a plain bar). */
  parts: { value: number; tone: 'ok' | 'warn' | 'bad' | 'neutral' }[]
  /** What the bar says in words, drawn at its end: the numbers never rely on colour. */
  text: string
}

const ROW = 36
const LABEL_WIDTH = 170
const BAR_WIDTH = 300
const TEXT_WIDTH = 330

/**
 * A horizontal bar chart as a picture for people who would rather look than read, with each
 * bar's numbers written beside it. The same numbers are in a table next to it on the page; the
 * figure's caption names it for screen readers.
 */
export function BarChart({ caption, bars, max }: { caption: string; bars: Bar[]; max: number }) {
  const captionId = useId()
  const height = bars.length * ROW + 8
  const scale = max > 0 ? BAR_WIDTH / max : 0
  return (
    <figure className="bar-chart">
      <figcaption id={captionId}>{caption}</figcaption>
      <svg
        role="img"
        aria-labelledby={captionId}
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + TEXT_WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((bar, row) => {
          let x = LABEL_WIDTH
          const y = row * ROW + 8
          return (
            <g key={bar.label}>
              <text x={LABEL_WIDTH - 8} y={y + 16} textAnchor="end" className="bar-chart__label">
                {bar.label}
              </text>
              {bar.parts.map((part, index) => {
                const width = part.value * scale
                const rect = (
                  <rect
                    key={index}
                    x={x}
                    y={y}
                    width={width}
                    height={22}
                    className={`bar-chart__bar bar-chart__bar--${part.tone}`}
                  />
                )
                x += width
                return rect
              })}
              <text x={x + 8} y={y + 16} className="bar-chart__text">
                {bar.text}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
