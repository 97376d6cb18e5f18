import { type MessagesOf } from '../catalogue.ts'
import type en from './agenda-grid.en.ts'

export default {
  dayGridCaption: '{count}, {date}. Gli orari liberi sono link per prenotare.',
  weekGridCaption:
    '{name}, settimana del {date}: {count}. Gli orari liberi sono link per prenotare.',
  layoutNav: 'Disposizione',
  layoutGrid: 'Griglia',
  layoutList: 'Elenco',
  phoneHint: 'Su uno schermo piccolo l’elenco si legge meglio.',
  timeColumn: 'Ora',
  closed: 'Chiuso: {reason}',
  timeOff: 'Assenza',
  outsideHours: 'Fuori orario',
  bookAt: 'Prenota con {name} alle {time}',
  bookOnAt: 'Prenota con {name} il {date} alle {time}',
  now: 'Adesso: {time}',
  moveLink: 'Sposta l’appuntamento delle {time}',
  dragHint:
    'Per spostare un appuntamento, trascinalo su un orario libero, oppure apri il suo link Sposta e scegli lì l’orario.',
  weekOf: 'Settimana di {name}',
  weekShowing:
    'Questa griglia mostra {name}. Scegli un professionista qui sopra per vedere un’altra persona.',
  moving: 'Sposto l’appuntamento…',
  moved: 'Spostato: {patient} ora è il {when} con {name}. Abbiamo scritto al paziente.',
  moveTitle: 'Sposta un appuntamento | Dermadesk',
  moveHeading: 'Sposta un appuntamento',
  moveCurrent: '{patient}: {service} con {name}, {when}.',
  moveHowTo:
    'Scegli il professionista e il giorno, poi un orario libero. Scriviamo al paziente il nuovo orario.',
  moveHere: 'Sposta qui',
  backToAgenda: 'Torna all’agenda',
  moveDone: 'Spostato al {when}. Abbiamo scritto al paziente.',
  cannotMove: 'Questo appuntamento non si può spostare: si spostano solo gli appuntamenti futuri.',
  moveTaken:
    'Quell’orario ora è di un’altra persona. Non è cambiato nulla. Scegli un altro orario.',
  moveTooSoon: 'Quell’orario è troppo vicino per prenotare. Non è cambiato nulla.',
  moveTooFar: 'Quell’orario è troppo lontano per prenotare. Non è cambiato nulla.',
  moveNotOffered:
    'Quell’orario non è libero: il professionista non lavora a quell’ora. Non è cambiato nulla.',
  moveNotQualified: 'Quel professionista non fa questo trattamento. Non è cambiato nulla.',
  moveTooClose:
    'Tra due sedute di microneedling servono più giorni. Il primo giorno possibile è il {date}. Non è cambiato nulla.',
  moveScreeningWait:
    'Le risposte sulla salute chiedono di aspettare. Il primo giorno possibile è il {date}. Non è cambiato nulla.',
  moveNotChangeable: 'Questo appuntamento non si può più spostare. Non è cambiato nulla.',
} satisfies MessagesOf<typeof en>
