import { type Catalogue } from '../catalogue.ts'
import aftercareEn from './aftercare.en.ts'
import aftercareIt from './aftercare.it.ts'
import bookingPageEn from './booking-page.en.ts'
import bookingPageIt from './booking-page.it.ts'
import adminFormsEn from './admin-forms.en.ts'
import adminFormsIt from './admin-forms.it.ts'
import adminEn from './admin.en.ts'
import adminIt from './admin.it.ts'
import adminPractitionersEn from './admin-practitioners.en.ts'
import adminPractitionersIt from './admin-practitioners.it.ts'
import adminServicesEn from './admin-services.en.ts'
import adminConsentEn from './admin-consent.en.ts'
import adminConsentIt from './admin-consent.it.ts'
import adminServicesIt from './admin-services.it.ts'
import adminEmailsEn from './admin-emails.en.ts'
import retentionEn from './retention.en.ts'
import retentionIt from './retention.it.ts'
import adminEmailsIt from './admin-emails.it.ts'
import adminStaffEn from './admin-staff.en.ts'
import adminStaffIt from './admin-staff.it.ts'
import authEn from './auth.en.ts'
import authIt from './auth.it.ts'
import auditEn from './audit.en.ts'
import auditIt from './audit.it.ts'
import agendaEn from './agenda.en.ts'
import agendaIt from './agenda.it.ts'
import agendaGridEn from './agenda-grid.en.ts'
import agendaGridIt from './agenda-grid.it.ts'
import bookStartEn from './book-start.en.ts'
import bookStartIt from './book-start.it.ts'
import confirmationEn from './confirmation.en.ts'
import consentEn from './consent.en.ts'
import consentIt from './consent.it.ts'
import consentPdfEn from './consent-pdf.en.ts'
import consentPdfIt from './consent-pdf.it.ts'
import consentStaffEn from './consent-staff.en.ts'
import consentStaffIt from './consent-staff.it.ts'
import confirmationIt from './confirmation.it.ts'
import calendarEn from './calendar.en.ts'
import calendarIt from './calendar.it.ts'
import datesEn from './dates.en.ts'
import detailsEn from './details.en.ts'
import detailsIt from './details.it.ts'
import datesIt from './dates.it.ts'
import emailsEn from './emails.en.ts'
import emailsIt from './emails.it.ts'
import errorsEn from './errors.en.ts'
import errorsIt from './errors.it.ts'
import formsEn from './forms.en.ts'
import formsIt from './forms.it.ts'
import homeEn from './home.en.ts'
import homeIt from './home.it.ts'
import layoutEn from './layout.en.ts'
import limitsEn from './limits.en.ts'
import limitsIt from './limits.it.ts'
import manageEn from './manage.en.ts'
import tabletEn from './tablet.en.ts'
import tabletIt from './tablet.it.ts'
import manageIt from './manage.it.ts'
import layoutIt from './layout.it.ts'
import patientsEn from './patients.en.ts'
import photoCompareEn from './photo-compare.en.ts'
import privacyEn from './privacy.en.ts'
import myDataEn from './my-data.en.ts'
import myDataIt from './my-data.it.ts'
import privacyIt from './privacy.it.ts'
import privacyNoticeEn from './privacy-notice.en.ts'
import privacyNoticeIt from './privacy-notice.it.ts'
import adminPrivacyNoticeEn from './admin-privacy-notice.en.ts'
import adminPrivacyNoticeIt from './admin-privacy-notice.it.ts'
import privacyRequestsEn from './privacy-requests.en.ts'
import privacyRequestsIt from './privacy-requests.it.ts'
import privacyAdminEn from './privacy-admin.en.ts'
import privacyAdminIt from './privacy-admin.it.ts'
import photoCompareIt from './photo-compare.it.ts'
import staffBookingEn from './staff-booking.en.ts'
import staffBookingIt from './staff-booking.it.ts'
import patientsIt from './patients.it.ts'
import reportsEn from './reports.en.ts'
import reportsIt from './reports.it.ts'
import servicesEn from './services.en.ts'
import screeningEn from './screening.en.ts'
import screeningIt from './screening.it.ts'
import screeningStaffEn from './screening-staff.en.ts'
import screeningAdminEn from './screening-admin.en.ts'
import screeningAdminIt from './screening-admin.it.ts'
import screeningStaffIt from './screening-staff.it.ts'
import staffEn from './staff.en.ts'
import staffEmailsEn from './staff-emails.en.ts'
import staffEmailsIt from './staff-emails.it.ts'
import staffIt from './staff.it.ts'
import timeEn from './time.en.ts'
import timeIt from './time.it.ts'
import visitEn from './visit.en.ts'
import visitIt from './visit.it.ts'
import verifyEn from './verify.en.ts'
import verifyIt from './verify.it.ts'
import servicesIt from './services.it.ts'
import wizardEn from './wizard.en.ts'
import wizardIt from './wizard.it.ts'
import waitlistEn from './waitlist.en.ts'
import waitlistIt from './waitlist.it.ts'
import staffWaitlistEn from './staff-waitlist.en.ts'
import staffWaitlistIt from './staff-waitlist.it.ts'
import photosEn from './photos.en.ts'
import photosIt from './photos.it.ts'

/**
 * Every catalogue, one per area, each with one file per language. The English file defines the
 * keys; the Italian file `satisfies` them, so a missing or extra key does not compile.
 */
export const layoutMessages = { en: layoutEn, it: layoutIt } satisfies Catalogue
export const homeMessages = { en: homeEn, it: homeIt } satisfies Catalogue
export const servicesMessages = { en: servicesEn, it: servicesIt } satisfies Catalogue
export const bookStartMessages = { en: bookStartEn, it: bookStartIt } satisfies Catalogue
export const wizardMessages = { en: wizardEn, it: wizardIt } satisfies Catalogue
export const errorsMessages = { en: errorsEn, it: errorsIt } satisfies Catalogue
export const datesMessages = { en: datesEn, it: datesIt } satisfies Catalogue
export const timeMessages = { en: timeEn, it: timeIt } satisfies Catalogue
export const limitsMessages = { en: limitsEn, it: limitsIt } satisfies Catalogue
export const confirmationMessages = {
  en: confirmationEn,
  it: confirmationIt,
} satisfies Catalogue
export const manageMessages = { en: manageEn, it: manageIt } satisfies Catalogue
export const tabletMessages = { en: tabletEn, it: tabletIt } satisfies Catalogue
export const formsMessages = { en: formsEn, it: formsIt } satisfies Catalogue
export const detailsMessages = { en: detailsEn, it: detailsIt } satisfies Catalogue
export const verifyMessages = { en: verifyEn, it: verifyIt } satisfies Catalogue
export const emailsMessages = { en: emailsEn, it: emailsIt } satisfies Catalogue
export const calendarMessages = { en: calendarEn, it: calendarIt } satisfies Catalogue
export const patientsMessages = { en: patientsEn, it: patientsIt } satisfies Catalogue
export const photoCompareMessages = { en: photoCompareEn, it: photoCompareIt } satisfies Catalogue
export const staffBookingMessages = { en: staffBookingEn, it: staffBookingIt } satisfies Catalogue
export const reportsMessages = { en: reportsEn, it: reportsIt } satisfies Catalogue
export const screeningMessages = { en: screeningEn, it: screeningIt } satisfies Catalogue
export const screeningStaffMessages = {
  en: screeningStaffEn,
  it: screeningStaffIt,
} satisfies Catalogue
export const screeningAdminMessages = {
  en: screeningAdminEn,
  it: screeningAdminIt,
} satisfies Catalogue
export const bookingPageMessages = { en: bookingPageEn, it: bookingPageIt } satisfies Catalogue
export const aftercareMessages = { en: aftercareEn, it: aftercareIt } satisfies Catalogue
export const privacyMessages = { en: privacyEn, it: privacyIt } satisfies Catalogue
export const privacyNoticeMessages = {
  en: privacyNoticeEn,
  it: privacyNoticeIt,
} satisfies Catalogue
export const myDataMessages = { en: myDataEn, it: myDataIt } satisfies Catalogue
export const privacyRequestsMessages = {
  en: privacyRequestsEn,
  it: privacyRequestsIt,
} satisfies Catalogue
export const privacyAdminMessages = { en: privacyAdminEn, it: privacyAdminIt } satisfies Catalogue
export const consentMessages = { en: consentEn, it: consentIt } satisfies Catalogue
export const consentPdfMessages = { en: consentPdfEn, it: consentPdfIt } satisfies Catalogue
export const consentStaffMessages = { en: consentStaffEn, it: consentStaffIt } satisfies Catalogue

/** The staff console's areas (admin pages): not gated for readability, written for staff. */
export const adminFormsMessages = { en: adminFormsEn, it: adminFormsIt } satisfies Catalogue
export const adminMessages = { en: adminEn, it: adminIt } satisfies Catalogue
export const adminPrivacyNoticeMessages = {
  en: adminPrivacyNoticeEn,
  it: adminPrivacyNoticeIt,
} satisfies Catalogue
export const adminPractitionersMessages = {
  en: adminPractitionersEn,
  it: adminPractitionersIt,
} satisfies Catalogue
export const adminServicesMessages = {
  en: adminServicesEn,
  it: adminServicesIt,
} satisfies Catalogue
export const adminConsentMessages = {
  en: adminConsentEn,
  it: adminConsentIt,
} satisfies Catalogue
export const adminEmailsMessages = { en: adminEmailsEn, it: adminEmailsIt } satisfies Catalogue
export const adminStaffMessages = { en: adminStaffEn, it: adminStaffIt } satisfies Catalogue
export const auditMessages = { en: auditEn, it: auditIt } satisfies Catalogue
export const retentionMessages = { en: retentionEn, it: retentionIt } satisfies Catalogue
export const staffMessages = { en: staffEn, it: staffIt } satisfies Catalogue
export const agendaMessages = { en: agendaEn, it: agendaIt } satisfies Catalogue
export const agendaGridMessages = { en: agendaGridEn, it: agendaGridIt } satisfies Catalogue
export const visitMessages = { en: visitEn, it: visitIt } satisfies Catalogue
export const authMessages = { en: authEn, it: authIt } satisfies Catalogue
export const staffEmailsMessages = { en: staffEmailsEn, it: staffEmailsIt } satisfies Catalogue
export const waitlistMessages = { en: waitlistEn, it: waitlistIt } satisfies Catalogue
export const staffWaitlistMessages = {
  en: staffWaitlistEn,
  it: staffWaitlistIt,
} satisfies Catalogue
export const photosMessages = { en: photosEn, it: photosIt } satisfies Catalogue

/** For the completeness and readability tests. */
export const ALL_CATALOGUES = {
  layout: layoutMessages,
  home: homeMessages,
  services: servicesMessages,
  bookStart: bookStartMessages,
  wizard: wizardMessages,
  errors: errorsMessages,
  dates: datesMessages,
  time: timeMessages,
  limits: limitsMessages,
  confirmation: confirmationMessages,
  manage: manageMessages,
  tablet: tabletMessages,
  forms: formsMessages,
  details: detailsMessages,
  verify: verifyMessages,
  emails: emailsMessages,
  calendar: calendarMessages,
  patients: patientsMessages,
  photoCompare: photoCompareMessages,
  staffBooking: staffBookingMessages,
  reports: reportsMessages,
  screening: screeningMessages,
  screeningStaff: screeningStaffMessages,
  screeningAdmin: screeningAdminMessages,
  bookingPage: bookingPageMessages,
  aftercare: aftercareMessages,
  privacy: privacyMessages,
  privacyNotice: privacyNoticeMessages,
  myData: myDataMessages,
  privacyRequests: privacyRequestsMessages,
  privacyAdmin: privacyAdminMessages,
  consent: consentMessages,
  consentStaff: consentStaffMessages,
  consentPdf: consentPdfMessages,
  adminForms: adminFormsMessages,
  admin: adminMessages,
  adminPractitioners: adminPractitionersMessages,
  adminServices: adminServicesMessages,
  adminConsent: adminConsentMessages,
  adminPrivacyNotice: adminPrivacyNoticeMessages,
  adminEmails: adminEmailsMessages,
  adminStaff: adminStaffMessages,
  audit: auditMessages,
  retention: retentionMessages,
  staff: staffMessages,
  agenda: agendaMessages,
  agendaGrid: agendaGridMessages,
  visit: visitMessages,
  auth: authMessages,
  staffEmails: staffEmailsMessages,
  waitlist: waitlistMessages,
  staffWaitlist: staffWaitlistMessages,
  photos: photosMessages,
} as const
