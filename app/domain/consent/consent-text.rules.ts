import { type Locale } from '#app/i18n/locales.ts'
import {
  CONSENT_PLACEHOLDERS,
  type ConsentContent,
  type ConsentSectionKey,
  type ConsentTextValues,
} from './consent.schema.ts'

/**
 * The consent text as a patient reads and signs it: placeholders filled, sections numbered, and
 * one canonical plain-text form whose SHA-256 the signature stores (security goal E6).
 */

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g

/** Placeholders in a text that the app cannot fill (an admin's typo). */
export function findUnknownPlaceholders(text: string): string[] {
  const known: readonly string[] = CONSENT_PLACEHOLDERS
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.includes(name))
}

export function fillPlaceholders(text: string, values: ConsentTextValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as keyof ConsentTextValues] : whole,
  )
}

/**
 * One canonical form for a piece of text: NFC, "\n" line ends, no trailing spaces, no runs of
 * blank lines. The hash is taken over this, so invisible differences never change it.
 */
export function canonicalText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export type ConsentBlock = { type: 'paragraph'; text: string } | { type: 'list'; items: string[] }

/**
 * A section body as paragraphs and lists: blank lines separate blocks; lines starting with "- "
 * are list items (a paragraph may introduce a list on the line before it).
 */
export function parseBlocks(body: string): ConsentBlock[] {
  const blocks: ConsentBlock[] = []
  for (const chunk of canonicalText(body).split(/\n\s*\n/)) {
    let paragraph: string[] = []
    let items: string[] = []
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ type: 'paragraph', text: paragraph.join(' ') })
      paragraph = []
    }
    const flushItems = () => {
      if (items.length) blocks.push({ type: 'list', items })
      items = []
    }
    for (const raw of chunk.split('\n')) {
      const line = raw.trim()
      if (!line) continue
      if (line.startsWith('- ')) {
        flushParagraph()
        items.push(line.slice(2).trim())
      } else {
        flushItems()
        paragraph.push(line)
      }
    }
    flushParagraph()
    flushItems()
  }
  return blocks
}

export type RenderedSection = {
  key: ConsentSectionKey
  /** The HTML id of the section, for "read it again" links. */
  anchor: string
  number: number
  title: string
  blocks: ConsentBlock[]
}

/** A wrongly answered question and the section that answers it. */
export type CheckFeedback = { questionKey: string; section: RenderedSection }[]

export function sectionAnchor(key: ConsentSectionKey): string {
  return `consent-${key.replace(/_/g, '-')}`
}

/** The sections with the clinic's values filled in, as the patient reads them. */
export function renderSections(
  content: ConsentContent,
  values: ConsentTextValues,
): RenderedSection[] {
  return content.sections.map((section, index) => ({
    key: section.key,
    anchor: sectionAnchor(section.key),
    number: index + 1,
    title: fillPlaceholders(section.title, values),
    blocks: parseBlocks(fillPlaceholders(section.body, values)),
  }))
}

function blocksToText(blocks: ConsentBlock[]): string {
  return blocks
    .map((block) =>
      block.type === 'paragraph' ? block.text : block.items.map((item) => `- ${item}`).join('\n'),
    )
    .join('\n\n')
}

export type RenderableVersion = {
  versionNumber: number
  content: ConsentContent
}

/**
 * The exact text a patient reads and signs, as plain text: title, version, then each numbered
 * section. Signing stores its SHA-256; rendering the stored version with the stored values must
 * give the same text again (security goal E6).
 */
export function renderConsentText(
  version: RenderableVersion,
  values: ConsentTextValues,
  /** The language of `version.content`: it names the version line ("Versione 2"). */
  locale: Locale = 'en',
): string {
  const sections = renderSections(version.content, values)
  const versionLine = `${locale === 'it' ? 'Versione' : 'Version'} ${version.versionNumber}`
  const parts = [
    `${fillPlaceholders(version.content.title, values)}\n${versionLine}`,
    ...sections.map((s) => `${s.number}. ${s.title}\n\n${blocksToText(s.blocks)}`),
  ]
  return canonicalText(parts.join('\n\n'))
}
