import { useId } from 'react'

/**
 * How skin heals after needling (docs/clinical-reference.md 2.2), as a picture and as text. The picture
 * is inline SVG (no files to load, no style attributes: the CSP allows neither), marked as one
 * image with a short label; the ordered list beside it says everything the picture shows. The
 * stages stack vertically on narrow screens (app.css). Used on the consent step and on the
 * patient's booking page; the later aftercare plan can reuse it.
 */

export type HealingTier = 'medical' | 'cosmetic'

type Stage = {
  key: string
  when: string
  title: string
  text: string
  Picture: () => JSX.Element
}

const SKIN = '#f2cfb4'
const SKIN_EDGE = '#c99a7a'

function Patch({ fill }: { fill: string }) {
  return <circle cx="60" cy="60" r="50" fill={fill} stroke={SKIN_EDGE} strokeWidth="2" />
}

/** Tiny spots of blood on red skin. */
function DayZero() {
  const dots = [
    [38, 40],
    [55, 32],
    [74, 42],
    [45, 58],
    [63, 55],
    [82, 62],
    [36, 76],
    [54, 78],
    [72, 82],
    [60, 68],
    [88, 45],
    [30, 60],
  ]
  return (
    <>
      <Patch fill="#e9897c" />
      {dots.map(([x, y]) => (
        <circle key={`${x}-${y}`} cx={x} cy={y} r="2.6" fill="#a4161a" />
      ))}
    </>
  )
}

/** Redness fading, a few spots left. */
function DaysOneToThree() {
  return (
    <>
      <Patch fill="#efab98" />
      <circle cx="48" cy="46" r="2" fill="#c0443d" />
      <circle cx="70" cy="64" r="2" fill="#c0443d" />
      <circle cx="56" cy="78" r="2" fill="#c0443d" />
    </>
  )
}

/** Dry skin with flakes and small crusts. */
function DaysTwoToFive() {
  return (
    <>
      <Patch fill="#efbfa6" />
      <path
        d="M30 50 q8 -6 16 0"
        fill="none"
        stroke="#fffaf3"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <path
        d="M62 36 q8 -6 16 0"
        fill="none"
        stroke="#fffaf3"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <path
        d="M70 78 q8 -6 16 0"
        fill="none"
        stroke="#fffaf3"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <ellipse cx="50" cy="68" rx="6" ry="4" fill="#8a5a3c" />
      <ellipse cx="80" cy="56" rx="5" ry="3.5" fill="#8a5a3c" />
      <ellipse cx="40" cy="84" rx="4" ry="3" fill="#8a5a3c" />
    </>
  )
}

/** Healed skin, nearly even. */
function DaysSevenToTen() {
  return (
    <>
      <Patch fill={SKIN} />
      <path
        d="M64 70 q6 -4 12 0"
        fill="none"
        stroke="#fffaf3"
        strokeWidth="2.5"
        strokeLinecap="round"
      />
    </>
  )
}

/** Smooth, even skin with a shine. */
function WeeksAfter() {
  return (
    <>
      <Patch fill={SKIN} />
      <path
        d="M34 44 q14 -18 34 -16"
        fill="none"
        stroke="#ffffff"
        strokeWidth="5"
        strokeLinecap="round"
      />
      <path
        d="M80 66 l3 9 l9 3 l-9 3 l-3 9 l-3 -9 l-9 -3 l9 -3 z"
        fill="#ffffff"
        stroke="#e0b999"
        strokeWidth="1"
      />
    </>
  )
}

function stagesFor(tier: HealingTier): Stage[] {
  return [
    {
      key: 'day-0',
      when: 'Day 0',
      title: 'Treatment day',
      text: 'Your skin is red, like a mild sunburn. It may feel warm and tight. Tiny spots of blood are normal.',
      Picture: DayZero,
    },
    {
      key: 'days-1-3',
      when: 'Days 1 to 3',
      title: 'Redness fades',
      text: 'The redness and swelling go down. Your skin may feel tight and dry.',
      Picture: DaysOneToThree,
    },
    {
      key: 'days-2-5',
      when: 'Days 2 to 5',
      title: 'Flakes and small crusts',
      text: 'Your skin may flake or peel, and small crusts may form. Leave them alone: they fall off by themselves.',
      Picture: DaysTwoToFive,
    },
    {
      key: 'days-7-10',
      when: 'Days 7 to 10',
      title: 'Healed',
      text: 'Most skin has healed. Use the soothing cream from the clinic every day until now.',
      Picture: DaysSevenToTen,
    },
    {
      key: 'weeks',
      when: 'The weeks after',
      title: 'Smooth skin',
      text:
        tier === 'medical'
          ? 'New collagen builds up under smooth skin. Results show slowly, over weeks to months.'
          : 'Your skin looks fresh and feels soft. Results show slowly, over weeks.',
      Picture: WeeksAfter,
    },
  ]
}

/** The texts of the timeline, for the reading-grade test. */
export function healingTimelineText(tier: HealingTier): string {
  return stagesFor(tier)
    .map((stage) => `${stage.when}: ${stage.title}. ${stage.text}`)
    .join('\n')
}

export function HealingTimeline({
  tier,
  headingLevel = 2,
}: {
  tier: HealingTier
  headingLevel?: 2 | 3 | 4
}) {
  const id = useId()
  const stages = stagesFor(tier)
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!
  return (
    <section className="healing-timeline" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>How your skin heals</Heading>
      <div
        className="healing-timeline__picture"
        role="img"
        aria-label="Picture of skin healing over time: red with tiny spots of blood on the day, then less red, then dry with small crusts, then healed and smooth."
      >
        {stages.map(({ key, when, Picture }) => (
          <div key={key} className="healing-timeline__stage">
            <svg viewBox="0 0 120 120" width="88" height="88" aria-hidden="true" focusable="false">
              <Picture />
            </svg>
            <span className="healing-timeline__when" aria-hidden="true">
              {when}
            </span>
          </div>
        ))}
      </div>
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
