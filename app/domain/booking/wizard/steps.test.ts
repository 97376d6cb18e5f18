import { describe, expect, test } from 'vitest'
import {
  canEnterStep,
  firstIncompleteStep,
  nextStep,
  readyToBook,
  stepsFor,
  type WizardProgress,
} from './steps.ts'

const TREATMENT_STARTED: WizardProgress = {
  hasService: true,
  needsScreening: true,
  screeningDone: false,
  hasHold: false,
  hasDetails: false,
  emailVerified: false,
  needsConsent: true,
  hasConsent: false,
  isBooked: false,
}

const CONSULTATION_STARTED: WizardProgress = {
  ...TREATMENT_STARTED,
  needsScreening: false,
  needsConsent: false,
}

describe('the wizard as data', () => {
  test('a treatment goes through every step; a consultation skips the questions and consent', () => {
    expect(stepsFor(TREATMENT_STARTED).map((step) => step.id)).toEqual([
      'treatment',
      'screening',
      'time',
      'details',
      'verify',
      'consent',
      'confirmation',
    ])
    expect(stepsFor(CONSULTATION_STARTED).map((step) => step.id)).toEqual([
      'treatment',
      'time',
      'details',
      'verify',
      'confirmation',
    ])
    expect(nextStep('time', CONSULTATION_STARTED).id).toBe('details')
    expect(nextStep('verify', CONSULTATION_STARTED).id).toBe('confirmation')
    expect(nextStep('verify', TREATMENT_STARTED).id).toBe('consent')
  })

  test('nobody skips ahead: a later step sends the patient back to the first one not done', () => {
    expect(firstIncompleteStep(TREATMENT_STARTED).path).toBe('/book/screening')
    expect(canEnterStep('time', TREATMENT_STARTED)).toBe(false)
    const screened = { ...TREATMENT_STARTED, screeningDone: true }
    expect(canEnterStep('time', screened)).toBe(true)
    expect(canEnterStep('details', screened)).toBe(false)
    expect(firstIncompleteStep({ ...screened, hasHold: true }).path).toBe('/book/details')
  })

  test('the booking is made only when every step before the confirmation is done', () => {
    const verified = {
      ...TREATMENT_STARTED,
      screeningDone: true,
      hasHold: true,
      hasDetails: true,
      emailVerified: true,
    }
    expect(readyToBook(verified)).toBe(false)
    expect(firstIncompleteStep(verified).id).toBe('consent')
    expect(readyToBook({ ...verified, hasConsent: true })).toBe(true)
    expect(readyToBook({ ...CONSULTATION_STARTED, hasHold: true, hasDetails: true })).toBe(false)
    expect(
      readyToBook({
        ...CONSULTATION_STARTED,
        hasHold: true,
        hasDetails: true,
        emailVerified: true,
      }),
    ).toBe(true)
  })
})
