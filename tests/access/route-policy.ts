import { type Role } from '#tests/support/route-fixtures.ts'

/**
 * Who may use which route (security goals C1 and C2), checked cell by cell by
 * tests/access/route-matrix.server.test.ts against the real loaders and actions. EVERY file in
 * app/routes/ needs a row here: a route without one fails the test.
 *
 * Outcomes:
 * - 'allow': the handler ran for this caller. A loader answered 200 with its data; an action got
 *   past its guard and answered the junk form it was sent (`intent=nothing`) itself: 400 with
 *   the form's errors (or 200/409 when that is how the action reports a bad form).
 * - 'login': 302 to /login (staff sign-in).
 * - 'forbidden': 403 (signed in, without the role).
 * - 'not-found': 404. A patient opening another patient's booking gets this, exactly as for a
 *   booking that does not exist (ownership is part of the query).
 * - 'redirect:/path': a redirect to that path (query ignored), e.g. the booking wizard sending a
 *   browser without a draft back to /book, or "find my booking" for a patient who has not proved
 *   an email yet.
 * - 'no-handler': the module has no loader (or no action); Remix answers 405 itself.
 *
 * Callers (tests/support/route-fixtures.ts buildWorld): anonymous; patientA, whose browser proved
 * the email of the booking in the URL and has a new draft at the "time" step; patientB, whose
 * browser proved another patient's email; a clinician (no admin role); an admin (no clinician
 * role); a receptionist (the reception role only). Staff have no patient cookie, so on patient pages they are anonymous.
 */
export type Expected =
  'allow' | 'login' | 'forbidden' | 'not-found' | 'no-handler' | `redirect:/${string}`

export type Row = Record<Role, Expected> | 'no-handler'

export type RoutePolicy = { loader: Row; action: Row }

const everyone = (outcome: Expected): Record<Role, Expected> => ({
  anonymous: outcome,
  patientA: outcome,
  patientB: outcome,
  clinician: outcome,
  admin: outcome,
  reception: outcome,
})

/** Anyone at all. */
const PUBLIC = everyone('allow')
/** Staff with the admin role. */
const ADMIN = {
  ...everyone('login'),
  clinician: 'forbidden',
  admin: 'allow',
  reception: 'forbidden',
} as const
/**
 * Clinical pages (health answers, screening findings and decisions, consent text and PDF,
 * treatment records): staff with the clinician role only (requireClinicalRole, ADR 041).
 */
const CLINICAL = {
  ...everyone('login'),
  clinician: 'allow',
  admin: 'forbidden',
  reception: 'forbidden',
} as const
/**
 * Any signed-in staff member, reception included. Pages here that concern a patient give each
 * role the view it may see (the front desk's has no health details).
 */
const STAFF = {
  ...everyone('login'),
  clinician: 'allow',
  admin: 'allow',
  reception: 'allow',
} as const
/**
 * Patient A's booking: B gets the same 404 as for no booking; no proof goes to "find my booking".
 * The matrix posts a junk form, which the actions refuse (400) before they look the booking up,
 * the same answer as for a booking that does not exist; owned-actions.server.test.ts posts
 * well-formed forms as B and expects 404.
 */
export const OWN_BOOKING_ACTION = {
  ...everyone('redirect:/bookings'),
  patientA: 'allow',
  patientB: 'allow',
} as const
const OWN_BOOKING = {
  ...everyone('redirect:/bookings'),
  patientA: 'allow',
  patientB: 'not-found',
} as const
/** The same for a file download (calendar, PDF): no page to send an unproved browser to. */
const OWN_BOOKING_FILE = { ...everyone('not-found'), patientA: 'allow' } as const
/** A booking wizard step after "time": only patient A has a draft, and it is at "time". */
const WIZARD_LATER_STEP = {
  ...everyone('redirect:/book'),
  patientA: 'redirect:/book/time',
} as const
/** A browser that proved an email (both patients); anyone else starts at /bookings. */
const PROVED_PATIENT = {
  ...everyone('redirect:/bookings'),
  patientA: 'allow',
  patientB: 'allow',
} as const
/** The sign-in pages: signed-in staff go on to /staff. */
const SIGN_IN = {
  ...everyone('allow'),
  clinician: 'redirect:/staff',
  admin: 'redirect:/staff',
  reception: 'redirect:/staff',
} as const
const SECOND_STEP = {
  ...everyone('login'),
  clinician: 'redirect:/staff',
  admin: 'redirect:/staff',
  reception: 'redirect:/staff',
} as const
const NONE = 'no-handler'

export const ROUTE_POLICY: Record<string, RoutePolicy> = {
  $: { loader: everyone('not-found'), action: everyone('not-found') },
  _index: { loader: PUBLIC, action: NONE },
  healthz: { loader: PUBLIC, action: NONE },
  // The privacy notice (GDPR Art. 13, ADR 050): for anyone, before and without a booking.
  privacy: { loader: PUBLIC, action: NONE },
  // The language switch: sets its cookie and goes back (to / without a page to go back to); the
  // staff form (POST) also saves a signed-in staff member's profile language.
  language: { loader: everyone('redirect:/'), action: everyone('redirect:/') },
  // A practitioner's portrait is public, like their name (ADR 037).
  'practitioner-photos.$photoKey': { loader: PUBLIC, action: NONE },

  // Staff sign-in
  login: { loader: SIGN_IN, action: SIGN_IN },
  'login_.verify': { loader: SECOND_STEP, action: SECOND_STEP },
  // GET changes nothing and goes home; POST ends any staff session and shows the sign-in page.
  logout: { loader: everyone('redirect:/'), action: everyone('login') },

  // Admin console
  'admin._index': { loader: ADMIN, action: NONE },
  'admin.reports': { loader: ADMIN, action: NONE },
  'admin.reports[.]csv': { loader: ADMIN, action: NONE },
  'admin.retention': { loader: ADMIN, action: NONE },
  // Patients' privacy requests: the queue and one request with its decision (ADR 051).
  'admin.privacy-requests._index': { loader: ADMIN, action: NONE },
  'admin.privacy-requests.$requestId': { loader: ADMIN, action: ADMIN },
  'admin.audit': { loader: ADMIN, action: ADMIN },
  // The breach export (a CSV of a window); without a window it sends the admin to the form.
  'admin.audit_.export': {
    loader: { ...ADMIN, admin: 'redirect:/admin/audit' },
    action: NONE,
  },
  'admin.clinic': { loader: ADMIN, action: ADMIN },
  'admin.closures': { loader: ADMIN, action: ADMIN },
  'admin.consent._index': { loader: ADMIN, action: ADMIN },
  'admin.consent.$versionId': { loader: ADMIN, action: ADMIN },
  'admin.privacy-notice._index': { loader: ADMIN, action: ADMIN },
  'admin.privacy-notice.$noticeId': { loader: ADMIN, action: ADMIN },
  'admin.emails._index': { loader: ADMIN, action: NONE },
  'admin.emails.$emailId': { loader: ADMIN, action: NONE },
  'admin.emails.$emailId.ics': { loader: ADMIN, action: NONE },
  'admin.policies': { loader: ADMIN, action: ADMIN },
  'admin.practitioners._index': { loader: ADMIN, action: NONE },
  'admin.practitioners.new': { loader: ADMIN, action: ADMIN },
  'admin.practitioners.$practitionerId': { loader: ADMIN, action: ADMIN },
  'admin.practitioners.$practitionerId_.photo': { loader: ADMIN, action: ADMIN },
  'admin.screening': { loader: ADMIN, action: ADMIN },
  'admin.services._index': { loader: ADMIN, action: NONE },
  'admin.services.new': { loader: ADMIN, action: ADMIN },
  'admin.services.$serviceId': { loader: ADMIN, action: ADMIN },
  'admin.staff': { loader: ADMIN, action: ADMIN },
  // A colleague's sign-in, turned off or on (docs/breach-response.md).
  'admin.staff_.$userId': { loader: ADMIN, action: ADMIN },
  // Anyone with the invitation link sets the password: the token in it is the only key.
  'staff-invite': { loader: PUBLIC, action: PUBLIC },

  // Staff area
  'staff._index': { loader: STAFF, action: NONE },
  'staff.security': { loader: STAFF, action: STAFF },
  'staff.profile': { loader: STAFF, action: STAFF },
  'staff.agenda': { loader: STAFF, action: NONE },
  'staff.bookings.$bookingId.move': { loader: STAFF, action: STAFF },
  'staff.patients._index': { loader: STAFF, action: NONE },
  'staff.bookings.new': { loader: STAFF, action: STAFF },
  // Admins set or lift a legal hold on the chart (ADR 051).
  'staff.patients.$patientId': { loader: STAFF, action: ADMIN },
  'staff.waitlist': { loader: STAFF, action: STAFF },
  // Merging two records of one person: admins only (ADR 041).
  'staff.patients.$patientId_.merge': { loader: ADMIN, action: ADMIN },
  // Who looked at the record: admins and clinicians answering the patient, not the front desk.
  'staff.patients.$patientId_.record-access': {
    loader: { ...everyone('login'), clinician: 'allow', admin: 'allow', reception: 'forbidden' },
    action: NONE,
  },
  // Comparing a patient's clinical photos and printing them (issue 18): clinicians only. The
  // print needs an area and view with photos; the matrix asks for none, so a clinician gets 404
  // (tests/e2e/photos-compare.test.ts downloads a real one).
  'staff.patients.$patientId_.photos': { loader: CLINICAL, action: NONE },
  'staff.patients.$patientId_.photos[.]pdf': {
    loader: { ...CLINICAL, clinician: 'not-found' },
    action: NONE,
  },
  'staff.reviews._index': { loader: CLINICAL, action: NONE },
  'staff.reviews.$bookingId': { loader: CLINICAL, action: CLINICAL },
  // The appointment: every role sees it (reception and admin-only without health details);
  // marking its outcome (consultation done, no-show) is the clinician's.
  'staff.bookings.$bookingId._index': { loader: STAFF, action: CLINICAL },
  'staff.bookings.$bookingId.check-in': { loader: STAFF, action: STAFF },
  'staff.bookings.$bookingId.screening': { loader: CLINICAL, action: CLINICAL },
  'staff.bookings.$bookingId.treatment': { loader: CLINICAL, action: CLINICAL },
  'staff.bookings.$bookingId.consent': { loader: CLINICAL, action: CLINICAL },
  'staff.bookings.$bookingId.consent[.]pdf': { loader: CLINICAL, action: NONE },
  // Clinical photos (ADR 047): the visit's photo page and each photo's file.
  'staff.bookings.$bookingId.photos': { loader: CLINICAL, action: CLINICAL },
  'staff.photos.$photoId.$size': { loader: CLINICAL, action: NONE },
  // Clinic tablet mode (ADR 045): any staff member hands over; the matrix's sessions are not
  // locked, so the tablet's pages send everyone on to the staff area (then sign-in).
  'staff.bookings.$bookingId.tablet': { loader: NONE, action: STAFF },
  'tablet._index': { loader: everyone('redirect:/staff'), action: everyone('redirect:/staff') },
  'tablet.return': { loader: everyone('redirect:/tablet'), action: everyone('redirect:/tablet') },

  // Booking wizard (patients; the draft belongs to the browser's session)
  'book._index': { loader: PUBLIC, action: PUBLIC },
  'book.time': {
    loader: { ...everyone('redirect:/book'), patientA: 'allow' },
    action: { ...everyone('redirect:/book'), patientA: 'allow' },
  },
  // A's draft is a consultation (no health questions): the screening pages send it on.
  'book.screening._index': {
    loader: { ...WIZARD_LATER_STEP, patientA: 'redirect:/book' },
    action: NONE,
  },
  'book.screening.questions': {
    loader: { ...WIZARD_LATER_STEP, patientA: 'redirect:/book/screening' },
    action: { ...WIZARD_LATER_STEP, patientA: 'allow' },
  },
  'book.screening.result': {
    loader: { ...WIZARD_LATER_STEP, patientA: 'redirect:/book/screening' },
    action: NONE,
  },
  // Joining the waitlist from the time step: the draft's treatment, its questions answered.
  'book.waitlist': {
    loader: { ...everyone('redirect:/book'), patientA: 'allow' },
    action: { ...everyone('redirect:/book'), patientA: 'allow' },
  },
  'book.details': { loader: WIZARD_LATER_STEP, action: WIZARD_LATER_STEP },
  'book.verify': { loader: WIZARD_LATER_STEP, action: WIZARD_LATER_STEP },
  'book.consent': { loader: WIZARD_LATER_STEP, action: WIZARD_LATER_STEP },
  'book.confirmation': { loader: WIZARD_LATER_STEP, action: NONE },

  // A patient's own bookings
  'bookings._index': { loader: PUBLIC, action: PUBLIC },
  'bookings.manage': { loader: PUBLIC, action: PUBLIC },
  // The waitlist's emailed links (ADR 044): the token is the key. The matrix has none: the
  // confirm page shows its button (its post answers 404), the offer page answers 404.
  'waitlist.confirm': { loader: PUBLIC, action: everyone('not-found') },
  'waitlist.offer': { loader: everyone('not-found'), action: everyone('not-found') },
  'bookings.verify': { loader: PROVED_PATIENT, action: PROVED_PATIENT },
  'bookings.$reference._index': { loader: OWN_BOOKING, action: OWN_BOOKING_ACTION },
  'bookings.$reference.aftercare': { loader: OWN_BOOKING, action: NONE },
  'bookings.$reference.record-access': { loader: OWN_BOOKING, action: NONE },
  // "My data": patient A proved the address with a code; the files answer 404 to anyone else.
  'bookings.$reference.my-data': { loader: OWN_BOOKING, action: NONE },
  'bookings.$reference.my-data[.]json': { loader: OWN_BOOKING_FILE, action: NONE },
  'bookings.$reference.my-data[.]pdf': { loader: OWN_BOOKING_FILE, action: NONE },
  'bookings.$reference.calendar[.]ics': { loader: OWN_BOOKING_FILE, action: NONE },
  'bookings.$reference.cancel': { loader: OWN_BOOKING, action: NONE },
  'bookings.$reference.consent': { loader: OWN_BOOKING, action: OWN_BOOKING_ACTION },
  'bookings.$reference.consent[.]pdf': { loader: OWN_BOOKING_FILE, action: NONE },
  'bookings.$reference.reschedule': { loader: OWN_BOOKING, action: OWN_BOOKING_ACTION },
  'bookings.$reference.privacy-request': { loader: OWN_BOOKING, action: OWN_BOOKING_ACTION },
  'bookings.$reference.screening._index': { loader: OWN_BOOKING, action: OWN_BOOKING_ACTION },
  'bookings.$reference.screening.update': { loader: OWN_BOOKING, action: OWN_BOOKING_ACTION },
}
