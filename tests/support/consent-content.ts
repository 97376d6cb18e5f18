import {
  CONSENT_SECTION_KEYS,
  type ConsentContent,
  ConsentContentSchema,
} from '#app/domain/consent/consent.schema.ts'

/** A small consent form for unit tests (no database). */
export const VALUES = {
  clinic_name: 'Clinica Test',
  clinic_phone: '+39 02 1',
  cancellation_hours: '48',
}

export function content(overrides: Partial<ConsentContent> = {}): ConsentContent {
  return ConsentContentSchema.parse({
    title: 'Consent for {{clinic_name}}',
    sections: CONSENT_SECTION_KEYS.map((key, index) => ({
      key,
      title: `Part ${key}`,
      body:
        index === 1
          ? 'Your skin will be red.\n\n- Day 1: red\n- Day 3: dry\n\nCall {{clinic_phone}}.'
          : `Text of ${key}. Cancel until {{cancellation_hours}} hours before.`,
    })),
    questions: [1, 2, 3, 4].map((n) => ({
      key: `q${n}`,
      prompt: `Question ${n}?`,
      options: ['A', 'B', 'C'],
      answer: n % 3,
      sectionKey: 'aftercare',
    })),
    ...overrides,
  })
}
