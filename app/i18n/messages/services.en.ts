/** A treatment's facts as patients see them in the lists. */
export default {
  kindConsultation: 'Consultation',
  tierMedical: 'Medical',
  tierCosmetic: 'Cosmetic',
  minutes: '{minutes, plural, one {# minute} other {# minutes}}',
}
