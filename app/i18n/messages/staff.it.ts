import { type MessagesOf } from '../catalogue.ts'
import type en from './staff.en.ts'

export default {
  homeTitle: 'Home del personale | Dermadesk',
  hello: 'Ciao, {name}',
  signedInAs:
    'Accesso come {roles}. Per sicurezza esci in automatico dopo 15 minuti di inattività.',
  roleClinician: 'medico',
  roleAdmin: 'amministratore',
  roleReception: 'reception',
  rolesBoth: '{first} e {second}',
  rolesThree: '{first}, {second} e {third}',
  agendaHeading: 'Agenda',
  agendaLinkAdmin: 'Gli appuntamenti di tutti i professionisti, oggi e questa settimana',
  agendaLinkReception: 'Gli appuntamenti di tutti i professionisti, per accogliere i pazienti',
  agendaLinkClinician: 'I tuoi appuntamenti di oggi e di questa settimana',
  linkBookForCaller: 'Prenota per chi chiama',
  linkFindPatient: 'Cerca un paziente e apri la sua scheda',
  reviewsHeading: 'Verifiche di idoneità',
  reviewsWaiting:
    '{count, plural, =0 {Nessuna prenotazione da verificare} one {# prenotazione da verificare} other {# prenotazioni da verificare}}',
  todayHeading: 'Oggi in clinica',
  closedToday: 'Oggi la clinica è chiusa: {reason}.',
  nobodyWorking: 'Oggi non lavora nessuno.',
  workingToday: 'Professionisti al lavoro oggi',
  linkAdmin: 'Impostazioni della clinica, professionisti e trattamenti',
  linkSecurity: 'Accesso in due passaggi per il tuo account',
  linkProfile: 'Il tuo profilo e la lingua',
  navProfile: 'Il tuo profilo',
  profileTitle: 'Il tuo profilo | Dermadesk',
  profileHeading: 'Il tuo profilo',
  profileName: 'Nome',
  profileEmail: 'Email',
  profileLanguage: 'Lingua delle tue pagine e delle tue email',
  profileLanguageHint:
    'Finché non scegli, vedi la lingua della clinica. Anche i link della lingua in cima a ogni pagina la cambiano.',
  profileLanguageRequired: 'Scegli una lingua.',
  profileSave: 'Salva',
  profileSaving: 'Salvataggio…',
  profileSaved: 'Salvato. Ora le tue pagine e le tue email sono in italiano.',
} satisfies MessagesOf<typeof en>
