import { describe, expect, test } from 'vitest'
import { content } from '#tests/support/consent-content.ts'
import {
  contentFromDraftForm,
  draftActionSchema,
  draftFormValues,
  newDraftSchema,
  SaveDraftSchema,
} from './consent-admin.schema.ts'

describe('the draft editor', () => {
  test('content → form fields → content is the same content', () => {
    const original = content()
    const parsed = SaveDraftSchema.safeParse({ intent: 'save', ...draftFormValues(original) })
    expect(parsed.success).toBe(true)
    const { intent: _i, ...fields } = parsed.data!
    expect(contentFromDraftForm(fields as Record<string, string>)).toEqual(original)
  })

  test('fewer than four questions, a wrong answer number or one option are refused', () => {
    const values = draftFormValues(content())
    const result = SaveDraftSchema.safeParse({
      intent: 'save',
      ...values,
      question_4_prompt: '',
      question_1_answer: '9',
      question_2_options: 'Only one',
    })
    expect(result.success).toBe(false)
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        ': Write at least 4 check questions.',
        'question_1_answer: Give the number of the right answer (1 for the first line).',
        'question_2_options: Write 2 to 5 answers, one per line.',
      ]),
    )
  })

  test('in Italian, each field says what is wrong in Italian', () => {
    const values = draftFormValues(content())
    const result = draftActionSchema('it').safeParse({
      intent: 'save',
      ...values,
      title: '',
      question_4_prompt: '',
      question_1_answer: '9',
      question_2_options: 'Only one',
      section_risks_title: 'x'.repeat(121),
    })
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        'title: Scrivi un titolo.',
        'section_risks_title: Usa al massimo 120 caratteri.',
        ': Scrivi almeno 4 domande di verifica.',
        'question_1_answer: Scrivi il numero della risposta giusta (1 per la prima riga).',
        'question_2_options: Scrivi da 2 a 5 risposte, una per riga.',
      ]),
    )
    const publish = draftActionSchema('it').safeParse({ intent: 'publish', effectiveDate: '' })
    expect(publish.error!.issues[0]!.message).toBe('Scegli la data da cui vale.')
    const tier = newDraftSchema('it').safeParse({ intent: 'new-draft', tier: 'other' })
    expect(tier.error!.issues[0]!.message).toBe('Scegli un modulo di consenso.')
  })
})
