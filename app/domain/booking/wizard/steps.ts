/**
 * The patient booking wizard, as data. Each step says how to tell it is done from the draft's
 * progress; the pages ask `firstIncompleteStep` where a patient belongs and show the step list.
 * The screening issue adds its step after "treatment"; the consent issue adds its step before
 * "confirmation" — by adding entries here, not by editing pages.
 */
export type WizardProgress = {
  hasService: boolean
  /** A treatment needs the health questions; a consultation does not. */
  needsScreening: boolean
  /** Answered, and nothing in the answers makes the treatment "not eligible". */
  screeningDone: boolean
  hasHold: boolean
  hasDetails: boolean
  emailVerified: boolean
  /** A treatment needles the skin and needs consent; a consultation does not. */
  needsConsent: boolean
  /** The patient has a consent that covers the held session (known once the email is proved). */
  hasConsent: boolean
  isBooked: boolean
}

export type WizardStepId =
  'treatment' | 'screening' | 'time' | 'details' | 'verify' | 'consent' | 'confirmation'

export type WizardStep = {
  id: WizardStepId
  label: string
  path: string
  isComplete: (progress: WizardProgress) => boolean
  /** A step that does not apply (consent for a consultation) is left out and counts as done. */
  appliesTo?: (progress: WizardProgress) => boolean
}

export const WIZARD_STEPS: readonly WizardStep[] = [
  { id: 'treatment', label: 'Treatment', path: '/book', isComplete: (p) => p.hasService },
  {
    id: 'screening',
    label: 'Health questions',
    path: '/book/screening',
    // Not eligible: the patient stays here (the page explains why and offers a consultation).
    isComplete: (p) => !p.needsScreening || p.screeningDone,
    appliesTo: (p) => p.needsScreening,
  },
  {
    id: 'time',
    label: 'Day and time',
    path: '/book/time',
    isComplete: (p) => p.hasHold || p.isBooked,
  },
  { id: 'details', label: 'Your details', path: '/book/details', isComplete: (p) => p.hasDetails },
  {
    id: 'verify',
    label: 'Check your email',
    path: '/book/verify',
    isComplete: (p) => p.emailVerified && p.hasDetails,
  },
  {
    id: 'consent',
    label: 'Consent',
    path: '/book/consent',
    isComplete: (p) => !p.needsConsent || p.hasConsent || p.isBooked,
    appliesTo: (p) => p.needsConsent,
  },
  {
    id: 'confirmation',
    label: 'Confirmation',
    path: '/book/confirmation',
    isComplete: (p) => p.isBooked,
  },
]

/** The first step not yet done: where a patient who skips ahead is sent back to. */
export function firstIncompleteStep(progress: WizardProgress): WizardStep {
  return (
    WIZARD_STEPS.find((step) => !step.isComplete(progress)) ??
    WIZARD_STEPS[WIZARD_STEPS.length - 1]!
  )
}

/** May the patient be on this step? Only when every step before it is done. */
export function canEnterStep(stepId: WizardStepId, progress: WizardProgress): boolean {
  const index = WIZARD_STEPS.findIndex((step) => step.id === stepId)
  return WIZARD_STEPS.slice(0, index).every((step) => step.isComplete(progress))
}

/** The steps this patient goes through (a consultation has no health questions and no consent). */
export function stepsFor(progress: WizardProgress | null): WizardStep[] {
  return WIZARD_STEPS.filter((step) => !progress || (step.appliesTo?.(progress) ?? true))
}

/** The step after this one that applies to this patient. */
export function nextStep(stepId: WizardStepId, progress: WizardProgress | null = null): WizardStep {
  const steps = stepsFor(progress)
  const index = steps.findIndex((step) => step.id === stepId)
  return steps[Math.min(index + 1, steps.length - 1)]!
}

/** Every step before the confirmation is done: the booking can be made. */
export function readyToBook(progress: WizardProgress): boolean {
  return WIZARD_STEPS.filter((step) => step.id !== 'confirmation').every((step) =>
    step.isComplete(progress),
  )
}
