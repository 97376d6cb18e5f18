import { translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { aftercareMessages } from '#app/i18n/messages/index.ts'
import { type HealingStage, type StagePicture } from './tier-content.ts'

/**
 * The healing-timeline picture as shapes, so the page (SVG, app/components/healing-timeline.tsx)
 * and the signed PDF (pdf-lib, consent-pdf.server.ts) draw the same picture from the same stages.
 * Each stage is one panel: the stage on a lighter skin tone, then on a deeper one, then its label
 * (days and name) under them. Coordinates are SVG user units, y downwards. Client-safe.
 */

export const SKIN_TONES = ['lighter', 'deeper'] as const
export type SkinTone = (typeof SKIN_TONES)[number]

export const PANEL = { width: 140, height: 312, patchRadius: 48 } as const
/** Centre of each tone's patch in a panel. */
export const PATCH_CENTRE: Record<SkinTone, { x: number; y: number }> = {
  lighter: { x: 70, y: 58 },
  deeper: { x: 70, y: 172 },
}
/** Baselines of the label lines under the patches. */
export const LABEL_LINES_Y = [250, 270, 288] as const
export const LABEL_FONT_SIZE = 13

type Role =
  'skin' | 'edge' | 'red' | 'pink' | 'mild' | 'dry' | 'blood' | 'flake' | 'crust' | 'shine'

const PALETTE: Record<SkinTone, Record<Role, string>> = {
  lighter: {
    skin: '#f2cfb4',
    edge: '#b98a6a',
    red: '#e9897c',
    pink: '#f1ad9f',
    mild: '#efb7a3',
    dry: '#edc3aa',
    blood: '#a4161a',
    flake: '#fffaf3',
    crust: '#8a5a3c',
    shine: '#ffffff',
  },
  deeper: {
    skin: '#8d5b3e',
    edge: '#4f3222',
    red: '#7c3b2d',
    pink: '#8f4e3a',
    mild: '#8a5239',
    dry: '#93664a',
    blood: '#4e0709',
    flake: '#e9d8c8',
    crust: '#3b2416',
    shine: '#f3e4d6',
  },
}

export function colourOf(tone: SkinTone, role: Role): string {
  return PALETTE[tone][role]
}

export type Shape =
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: Role; stroke?: Role }
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; fill: Role }
  | { kind: 'path'; d: string; stroke: Role; width: number }

const R = PANEL.patchRadius

/** Offsets from the patch centre: drawn once per tone. */
const BLOOD_DOTS = [
  [-22, -20],
  [-5, -28],
  [14, -18],
  [-15, -2],
  [3, -5],
  [22, 2],
  [-24, 16],
  [-6, 18],
  [12, 22],
  [0, 8],
  [28, -15],
  [-30, 0],
]

function patch(fill: Role): Shape {
  return { kind: 'circle', cx: 0, cy: 0, r: R, fill, stroke: 'edge' }
}

const flake = (x: number, y: number): Shape => ({
  kind: 'path',
  d: `M${x} ${y} q7 -6 14 0`,
  stroke: 'flake',
  width: 3,
})

const SHAPES: Record<StagePicture, Shape[]> = {
  bleeding: [
    patch('red'),
    ...BLOOD_DOTS.map(([x, y]): Shape => ({
      kind: 'circle',
      cx: x!,
      cy: y!,
      r: 2.6,
      fill: 'blood',
    })),
  ],
  pink: [patch('pink')],
  fading: [patch('mild')],
  flaking: [
    patch('dry'),
    flake(-30, -10),
    flake(0, -24),
    flake(8, 18),
    { kind: 'ellipse', cx: -10, cy: 8, rx: 6, ry: 4, fill: 'crust' },
    { kind: 'ellipse', cx: 20, cy: -4, rx: 5, ry: 3.5, fill: 'crust' },
    { kind: 'ellipse', cx: -20, cy: 24, rx: 4, ry: 3, fill: 'crust' },
  ],
  healed: [patch('skin'), flake(4, 10)],
  glow: [
    patch('skin'),
    { kind: 'path', d: 'M-26 -16 q14 -18 34 -16', stroke: 'shine', width: 5 },
    { kind: 'circle', cx: 22, cy: 14, r: 4, fill: 'shine' },
  ],
}

/** The shapes of a stage on one tone, placed in its panel. */
export function stageShapes(
  picture: StagePicture,
  tone: SkinTone,
): (Shape & { colour: string; strokeColour?: string })[] {
  const { x, y } = PATCH_CENTRE[tone]
  return SHAPES[picture].map((shape) => {
    const colour = colourOf(tone, shape.kind === 'path' ? shape.stroke : shape.fill)
    switch (shape.kind) {
      case 'circle':
        return {
          ...shape,
          cx: shape.cx + x,
          cy: shape.cy + y,
          colour,
          strokeColour: shape.stroke ? colourOf(tone, shape.stroke) : undefined,
        }
      case 'ellipse':
        return { ...shape, cx: shape.cx + x, cy: shape.cy + y, colour }
      case 'path':
        // Paths start with an absolute move: shift it into the panel.
        return {
          ...shape,
          d: shape.d.replace(
            /^M(-?[\d.]+) (-?[\d.]+)/,
            (_, px: string, py: string) => `M${Number(px) + x} ${Number(py) + y}`,
          ),
          colour,
        }
    }
  })
}

/**
 * The days of a stage as the picture writes them: its `when`, or, when that is too long for a
 * panel ("Dal giorno 1 al giorno 3"), the short form "Giorni 1–3". The list under the picture and
 * its text alternative keep the whole `when`.
 */
function pictureWhen(stage: HealingStage, locale: Locale, maxChars: number): string {
  if (stage.when.length <= maxChars || stage.toDay === null || stage.toDay === stage.fromDay)
    return stage.when
  return translate(aftercareMessages, locale, 'pictureDays', {
    from: stage.fromDay,
    to: stage.toDay,
  })
}

/** A stage's label in the picture, in lines short enough for its panel, in the stage's language. */
export function stageLabelLines(
  stage: HealingStage,
  locale: Locale = 'en',
  maxChars = 17,
): string[] {
  const lines = [pictureWhen(stage, locale, maxChars)]
  let line = ''
  for (const word of stage.title.split(' ')) {
    if (line && `${line} ${word}`.length > maxChars) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.slice(0, LABEL_LINES_Y.length)
}

/** The picture's text alternative: every stage in words, and both skin tones. */
export function timelineAltText(stages: readonly HealingStage[], locale: Locale = 'en'): string {
  return translate(aftercareMessages, locale, 'timelineAlt', {
    stages: stages.map((stage) => `${stage.when}, ${stage.title.toLowerCase()}`).join('; '),
  })
}
