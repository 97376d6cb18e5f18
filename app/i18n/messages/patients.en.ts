/** Staff: finding a patient (/staff/patients). */
export default {
  searchTitle: 'Find a patient | Dermadesk',
  searchHeading: 'Find a patient',
  searchIntro:
    'Search by name, email, phone, date of birth or booking reference. Search before you add someone, so nobody is added twice.',
  queryLabel: 'Name, email, phone, date of birth or booking reference',
  queryHint: 'For example: Rossi, 333 123 4567, 07/03/1990 or DD-7K4Q2M',
  search: 'Search',
  queryTooShort: 'Type at least 2 letters or digits.',
  queryTooLong: 'Type at most 100 characters.',
  searchedBy:
    '{kind, select, reference {Searched by booking reference.} email {Searched by email.} date_of_birth {Searched by date of birth.} phone {Searched by phone number.} other {Searched by name.}}',
  resultsHeading:
    '{count, plural, =0 {No patients found} one {# patient found} other {# patients found}}',
  noResults: 'Nobody matches “{query}”. Check the spelling, or try their email or phone number.',
  truncated: 'Only the first {max} are shown. Type more of the name to narrow the search.',
  columnName: 'Name',
  columnBorn: 'Date of birth',
  columnContact: 'Email and phone',
  columnNext: 'Next booking',
  noUpcoming: 'None booked',
  nextBooking: '{service}, {when}',
  bookingCount: '{count, plural, one {# booking in all} other {# bookings in all}}',
}
