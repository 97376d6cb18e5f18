import { type MessagesOf } from '../catalogue.ts'
import type en from './layout.en.ts'

export default {
  siteDescription: 'Prenota il microneedling, scopri se fa per te e firma il consenso online.',
  skipToContent: 'Vai al contenuto principale',
  mainNav: 'Principale',
  staffNav: 'Personale',
  navTreatments: 'Trattamenti',
  navBook: 'Prenota',
  navMyBooking: 'La mia prenotazione',
  navStaff: 'Personale',
  navStaffHome: 'Home del personale',
  navClinicSettings: 'Impostazioni della clinica',
  signOut: 'Esci',
  footerPhone: 'Telefono',
  footerEmail: 'Email',
  footerPrivacy: 'Informativa privacy',
  languageNav: 'Lingua',
} satisfies MessagesOf<typeof en>
