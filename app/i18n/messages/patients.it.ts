import { type MessagesOf } from '../catalogue.ts'
import type en from './patients.en.ts'

export default {
  searchTitle: 'Cerca un paziente | Dermadesk',
  searchHeading: 'Cerca un paziente',
  searchIntro:
    'Cerca per nome, email, telefono, data di nascita o codice della prenotazione. Cerca prima di aggiungere qualcuno, così nessuno viene inserito due volte.',
  queryLabel: 'Nome, email, telefono, data di nascita o codice della prenotazione',
  queryHint: 'Per esempio: Rossi, 333 123 4567, 07/03/1990 o DD-7K4Q2M',
  search: 'Cerca',
  queryTooShort: 'Scrivi almeno 2 lettere o cifre.',
  queryTooLong: 'Scrivi al massimo 100 caratteri.',
  searchedBy:
    '{kind, select, reference {Ricerca per codice della prenotazione.} email {Ricerca per email.} date_of_birth {Ricerca per data di nascita.} phone {Ricerca per numero di telefono.} other {Ricerca per nome.}}',
  resultsHeading:
    '{count, plural, =0 {Nessun paziente trovato} one {# paziente trovato} other {# pazienti trovati}}',
  noResults:
    'Nessuno corrisponde a “{query}”. Controlla come è scritto, o prova con l’email o il telefono.',
  truncated:
    'Qui ci sono solo i primi {max}. Scrivi più lettere del nome per restringere la ricerca.',
  columnName: 'Nome',
  columnBorn: 'Data di nascita',
  columnContact: 'Email e telefono',
  columnNext: 'Prossima prenotazione',
  noUpcoming: 'Nessuna',
  nextBooking: '{service}, {when}',
  bookingCount: '{count, plural, one {# prenotazione in tutto} other {# prenotazioni in tutto}}',
} satisfies MessagesOf<typeof en>
