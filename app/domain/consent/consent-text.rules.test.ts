import { describe, expect, test } from 'vitest'
import { content, VALUES } from '#tests/support/consent-content.ts'
import {
  canonicalText,
  fillPlaceholders,
  findUnknownPlaceholders,
  parseBlocks,
  renderConsentText,
  renderSections,
} from './consent-text.rules.ts'

describe('rendering the text that is signed', () => {
  test('fills the clinic values, numbers the sections and keeps lists', () => {
    const text = renderConsentText({ versionNumber: 3, content: content() }, VALUES)
    expect(text.startsWith('Consent for Clinica Test\nVersion 3\n\n1. Part procedure\n')).toBe(true)
    expect(text).toContain(
      '2. Part what_to_expect\n\nYour skin will be red.\n\n- Day 1: red\n- Day 3: dry\n\nCall +39 02 1.',
    )
    expect(text).toContain('Cancel until 48 hours before.')
    expect(text).not.toContain('{{')
  })

  test('is deterministic, and invisible differences (CRLF, trailing spaces, NFD) do not change it', () => {
    const a = renderConsentText({ versionNumber: 1, content: content() }, VALUES)
    const messy = content()
    messy.sections[1]!.body =
      'Your skin will be red.   \r\n\r\n\r\n- Day 1: red\r\n- Day 3: dry\r\n\r\nCall {{clinic_phone}}.'
    expect(renderConsentText({ versionNumber: 1, content: messy }, VALUES)).toBe(a)
    expect(canonicalText('Jose\u0301')).toBe('José')
  })

  test('a changed value, a changed word or another version number changes the text', () => {
    const base = renderConsentText({ versionNumber: 1, content: content() }, VALUES)
    expect(renderConsentText({ versionNumber: 2, content: content() }, VALUES)).not.toBe(base)
    expect(
      renderConsentText(
        { versionNumber: 1, content: content() },
        { ...VALUES, cancellation_hours: '24' },
      ),
    ).not.toBe(base)
  })

  test('sections carry anchors for the check feedback', () => {
    const sections = renderSections(content(), VALUES)
    expect(sections[4]).toMatchObject({ key: 'aftercare', anchor: 'consent-aftercare', number: 5 })
    expect(sections[5]!.anchor).toBe('consent-when-to-call')
  })

  test('blocks: paragraphs, a list introduced by a line, blank lines between blocks', () => {
    expect(parseBlocks('Intro line:\n- one\n- two\n\nAfter.')).toEqual([
      { type: 'paragraph', text: 'Intro line:' },
      { type: 'list', items: ['one', 'two'] },
      { type: 'paragraph', text: 'After.' },
    ])
  })

  test('unknown placeholders are found; known ones filled', () => {
    expect(findUnknownPlaceholders('Call {{clinic_phone}} or {{clinic_fax}}')).toEqual([
      'clinic_fax',
    ])
    expect(fillPlaceholders('{{ clinic_name }}', VALUES)).toBe('Clinica Test')
  })
})
