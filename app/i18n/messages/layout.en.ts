/** The frame of every page: header, navigation, footer, language switch, head. */
export default {
  siteDescription:
    'Book microneedling treatments, check you can have them, and sign your consent online.',
  skipToContent: 'Skip to main content',
  mainNav: 'Main',
  staffNav: 'Staff',
  navTreatments: 'Treatments',
  navBook: 'Book',
  navMyBooking: 'My booking',
  navStaff: 'Staff',
  navStaffHome: 'Staff home',
  navClinicSettings: 'Clinic settings',
  signOut: 'Sign out',
  footerPhone: 'Phone',
  footerEmail: 'Email',
  footerPrivacy: 'Privacy notice',
  languageNav: 'Language',
}
