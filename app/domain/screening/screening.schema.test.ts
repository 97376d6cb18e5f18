import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/forms.server.ts'
import { PublishRuleSetSchema, publishRuleSetSchema } from './screening-settings.schema.ts'
import { screeningFormSchema } from './screening.schema.ts'

const TODAY = '2026-11-25'

/** The form as a browser without JavaScript posts it: repeated keys for checkbox groups. */
function post(fields: [string, string][]): Request {
  const body = new URLSearchParams(fields)
  return new Request('http://localhost/book/screening/questions', { method: 'POST', body })
}

const CLEAR: [string, string][] = [
  ['dateOfBirth', '1988-03-14'],
  ['areas', 'face'],
  ['skinType', 'III'],
  ['skinNow', 'none'],
  ['history', 'none'],
  ['medicines', 'none'],
  ['allergies', 'none'],
  ['pregnancy', 'no'],
  ['procedures', 'none'],
]

function without(name: string) {
  return CLEAR.filter(([key]) => key !== name)
}

function replace(name: string, ...values: string[]): [string, string][] {
  return [...without(name), ...values.map((value): [string, string] => [name, value])]
}

async function parse(fields: [string, string][]) {
  return parseForm(post(fields), screeningFormSchema(TODAY))
}

describe('the questionnaire form', () => {
  test('clear answers parse; "none" is dropped from the lists', async () => {
    const parsed = await parse(CLEAR)
    expect(parsed.ok && parsed.data).toEqual({
      dateOfBirth: '1988-03-14',
      areas: ['face'],
      skinType: 'III',
      skinNow: [],
      history: [],
      medicines: [],
      allergies: [],
      pregnancy: 'no',
      procedures: [],
    })
  })

  test('posted outcome, status or version fields are ignored', async () => {
    const parsed = await parse([
      ...replace('skinNow', 'infection'),
      ['outcome', 'eligible'],
      ['status', 'confirmed'],
      ['ruleSetVersion', '99'],
      ['findings', '[]'],
    ])
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(Object.keys(parsed.data)).not.toEqual(
        expect.arrayContaining(['outcome', 'status', 'ruleSetVersion', 'findings']),
      )
      expect(parsed.data.skinNow).toEqual(['infection'])
    }
  })

  test('every required question left unanswered gets its own message', async () => {
    const parsed = await parse([])
    expect(parsed.ok).toBe(false)
    if (!parsed.ok)
      expect(parsed.errors.fieldErrors).toEqual({
        dateOfBirth: ['Enter your date of birth.'],
        areas: ['Tick at least one area.'],
        skinType: ['Choose the skin type that fits best, or “not sure”.'],
        skinNow: ['Tick the ones that apply, or “None of these”.'],
        history: ['Tick the ones that apply, or “None of these”.'],
        medicines: ['Tick the ones that apply, or “None of these”.'],
        allergies: ['Tick the ones that apply, or “None of these”.'],
        pregnancy: ['Answer this question. Choose “No” if it does not apply.'],
        procedures: ['Tick the ones that apply, or “None of these”.'],
      })
  })

  test('contradictions: "None of these" with an answer, and isotretinoin both now and stopped', async () => {
    const parsed = await parse([
      ...without('medicines'),
      ['medicines', 'none'],
      ['medicines', 'blood_thinners'],
    ])
    expect(!parsed.ok && parsed.errors.fieldErrors.medicines).toEqual([
      'You ticked “None of these” and another answer. Untick one of them.',
    ])
    const both = await parse([
      ...replace('medicines', 'isotretinoin_now', 'isotretinoin_past'),
      ['isotretinoinLastDose', '2026-09-01'],
    ])
    expect(!both.ok && both.errors.fieldErrors.medicines).toEqual([
      'For isotretinoin, tick either “I take it now” or “I have stopped”, not both.',
    ])
  })

  test('follow-ups are needed only when their trigger is ticked, and are dropped otherwise', async () => {
    const missing = await parse(replace('medicines', 'isotretinoin_past'))
    expect(!missing.ok && missing.errors.fieldErrors).toEqual({
      isotretinoinLastDose: ['Enter the date of your last tablet.'],
    })
    const needless = await parse([
      ...CLEAR,
      ['isotretinoinLastDose', '2026-09-01'],
      ['diabetesControlled', 'no'],
    ])
    expect(needless.ok && needless.data).not.toHaveProperty('isotretinoinLastDose')
    expect(needless.ok && needless.data).not.toHaveProperty('diabetesControlled')
    const diabetes = await parse(replace('history', 'diabetes'))
    expect(!diabetes.ok && diabetes.errors.fieldErrors).toEqual({
      diabetesControlled: ['Tell us if your diabetes is well controlled.'],
    })
  })

  test('dates: a past dose in the future, before birth, or impossible', async () => {
    const future = await parse([
      ...replace('medicines', 'isotretinoin_past'),
      ['isotretinoinLastDose', '2026-11-26'],
    ])
    expect(!future.ok && future.errors.fieldErrors.isotretinoinLastDose).toEqual([
      'This date is in the future. If you still take it, tick “I take it now” instead.',
    ])
    const peel = await parse([...replace('procedures', 'peel'), ['peelDate', '1980-01-01']])
    expect(!peel.ok && peel.errors.fieldErrors.peelDate).toEqual([
      'This date is before your date of birth. Please check it.',
    ])
    const impossible = await parse([...replace('procedures', 'laser'), ['laserDate', '2026-02-30']])
    expect(!impossible.ok && impossible.errors.fieldErrors.laserDate).toEqual([
      'That date does not exist.',
    ])
    const today = await parse([
      ...replace('medicines', 'retinoids_acids'),
      ['retinoidLastUse', TODAY],
    ])
    expect(today.ok).toBe(true)
    const born = await parse(replace('dateOfBirth', TODAY))
    expect(!born.ok && born.errors.fieldErrors.dateOfBirth).toEqual([
      'Your date of birth must be in the past.',
    ])
  })

  test('unknown options are refused', async () => {
    const parsed = await parse(replace('skinNow', 'vampire_bite'))
    expect(!parsed.ok && parsed.errors.fieldErrors.skinNow).toEqual(['Choose from the list.'])
  })
})

describe('the admin publish form', () => {
  const VALID: [string, string][] = [
    ['minimumAge', '18'],
    ['reviewUnderAge', '22'],
    ['isotretinoinMonths', '6'],
    ['cancerTreatmentMonths', '3'],
    ['toxinDays', '14'],
    ['fillerDays', '14'],
    ['retinoidDays', '5'],
    ['peelDays', '30'],
    ['laserDays', '14'],
    ['tanDays', '14'],
    ['deepPeelMonths', '3'],
    ['facialSurgeryMonths', '12'],
    ['sources-nickel-allergy', 'b-16,  B-2'],
  ]
  const request = (fields: [string, string][]) =>
    parseForm(
      new Request('http://localhost/admin/screening', {
        method: 'POST',
        body: new URLSearchParams(fields),
      }),
      PublishRuleSetSchema,
    )

  test('blank numbers are missing, not zero; limits and the age order are checked', async () => {
    const parsed = await request([
      ...VALID.filter(([k]) => !['toxinDays', 'isotretinoinMonths', 'reviewUnderAge'].includes(k)),
      ['toxinDays', ''],
      ['isotretinoinMonths', '30'],
      ['reviewUnderAge', '17'],
    ])
    expect(!parsed.ok && parsed.errors.fieldErrors).toEqual({
      toxinDays: ['Enter a whole number of days, 0 to 365.'],
      isotretinoinMonths: ['Enter a whole number of months, 0 to 24.'],
    })
    const ages = await request([
      ...VALID.filter(([k]) => k !== 'reviewUnderAge'),
      ['reviewUnderAge', '17'],
    ])
    expect(!ages.ok && ages.errors.fieldErrors).toEqual({
      reviewUnderAge: ['This must be at least the minimum age.'],
    })
  })

  test('stricter choices post as a checkbox group', async () => {
    const parsed = await request([
      ...VALID,
      ['stricterRuleIds', 'keloid-tendency'],
      ['note', ' Policy '],
    ])
    expect(parsed.ok && parsed.data).toMatchObject({
      settings: { stricterRuleIds: ['keloid-tendency'], relaxedRuleIds: [] },
      note: 'Policy',
    })
    const none = await request(VALID)
    expect(none.ok && none.data).toMatchObject({ settings: { stricterRuleIds: [] }, note: null })
  })

  test('each rule’s sources are tags, read in words; an unknown tag names the rule', async () => {
    const parsed = await request(VALID)
    // Typed tags are upper-cased and split; a rule not posted is left empty (publishing refuses).
    expect(parsed.ok && parsed.data.settings.ruleSources['nickel-allergy']).toEqual(['B-16', 'B-2'])
    expect(parsed.ok && parsed.data.settings.ruleSources['sunburn']).toEqual([])
    const unknown = await request([...VALID, ['sources-sunburn', 'D-4, Z-1']])
    expect(!unknown.ok && unknown.errors.fieldErrors).toEqual({
      'sources-sunburn': [
        'Sunburn: Z-1 is not in the source register. Use tags such as C-SP1, B-2 or D-4.',
      ],
    })
  })
})

describe('the screening rules form in Italian', () => {
  test('numbers, the age order and unknown source tags, each in Italian', async () => {
    const parsed = await parseForm(
      new Request('http://localhost/admin/screening', {
        method: 'POST',
        body: new URLSearchParams([
          ['minimumAge', '18'],
          ['reviewUnderAge', '17'],
          ['isotretinoinMonths', '30'],
          ['cancerTreatmentMonths', '3'],
          ['toxinDays', ''],
          ['fillerDays', '14'],
          ['retinoidDays', '5'],
          ['peelDays', '30'],
          ['laserDays', '14'],
          ['tanDays', '14'],
          ['deepPeelMonths', '3'],
          ['facialSurgeryMonths', '12'],
          ['sources-sunburn', 'D-4, Z-1, Z-2'],
        ]),
      }),
      publishRuleSetSchema('it'),
    )
    const errors = !parsed.ok ? parsed.errors.fieldErrors : {}
    expect(errors.toxinDays).toEqual(['Scrivi un numero intero di giorni, da 0 a 365.'])
    expect(errors.isotretinoinMonths).toEqual(['Scrivi un numero intero di mesi, da 0 a 24.'])
    expect(errors['sources-sunburn']).toEqual([
      expect.stringMatching(
        /^.+: Z-1, Z-2 non sono nel registro delle fonti\. Usa sigle come C-SP1, B-2 o D-4\.$/,
      ),
    ])
  })
})

describe('messages in Italian', () => {
  test('an empty form says what is missing, in Italian, beside each question', async () => {
    const parsed = await parseForm(post([]), screeningFormSchema(TODAY, 'it'))
    expect(parsed.ok).toBe(false)
    const errors = !parsed.ok ? parsed.errors.fieldErrors : {}
    expect(errors.dateOfBirth).toEqual(['Scrivi la tua data di nascita.'])
    expect(errors.areas).toEqual(['Scegli almeno una zona.'])
    expect(errors.skinNow).toEqual(['Scegli quelle che hai, oppure “Nessuna di queste”.'])
    expect(errors.pregnancy).toEqual(['Rispondi a questa domanda. Scegli “No” se non ti riguarda.'])
  })

  test('a follow-up left empty, and a date in the future, in Italian', async () => {
    const parsed = await parseForm(
      post([
        ...CLEAR.filter(([key]) => key !== 'medicines' && key !== 'procedures'),
        ['medicines', 'isotretinoin_past'],
        ['procedures', 'toxin'],
        ['toxinDate', '2030-01-01'],
      ]),
      screeningFormSchema(TODAY, 'it'),
    )
    const errors = !parsed.ok ? parsed.errors.fieldErrors : {}
    expect(errors.isotretinoinLastDose).toEqual(['Scrivi la data dell’ultima pastiglia.'])
    expect(errors.toxinDate).toEqual([
      'Questa data è nel futuro. Scrivi il giorno in cui è successo.',
    ])
  })

  test('the English messages are unchanged', async () => {
    const parsed = await parseForm(post([]), screeningFormSchema(TODAY))
    const errors = !parsed.ok ? parsed.errors.fieldErrors : {}
    expect(errors.dateOfBirth).toEqual(['Enter your date of birth.'])
  })
})
