import { type MessagesOf } from '../catalogue.ts'
import type en from './time.en.ts'

export default {
  title: 'Scegli giorno e orario | Dermadesk',
  heading: 'Scegli giorno e orario',
  holding: 'Stai tenendo per te {when} con {practitioner}. Per cambiare, scegli un altro orario.',
  screeningWait:
    'Per le tue risposte alle domande sulla salute, il primo giorno che puoi prenotare è {date}.',
  holdThisTime: 'Tieni questo orario',
  keepHeldTime: 'Tieni questo orario e vai avanti',
  whoLegend: 'Con chi vuoi fare il trattamento?',
  whoHint: 'I giorni e gli orari qui sotto cambiano di conseguenza.',
  anyone: 'Chiunque sia libero',
  anyoneDetails: 'I primi orari liberi, con chiunque.',
  showTimes: 'Mostra gli orari',
  shownIn: 'Orari indicati: {zone}.',
  chooseDay: 'Scegli un giorno',
  noDays: 'In questi giorni non ci sono orari liberi.',
  timesCount: '{count, plural, one {# orario} other {# orari}}',
  noTimes: 'nessun orario',
  earlierDays: '← Giorni prima',
  laterDays: 'Giorni dopo →',
  chooseTime: 'Scegli un orario per {date}',
  dayFull: 'In questo giorno non ci sono più orari liberi. Scegli un altro giorno.',
  timesLegend: 'Orari di {date}, {zone}',
  timeWith: 'con {practitioner}. {action}',
  nearestLabel: 'Gli orari liberi più vicini',
  nearestTime: '{when} con {practitioner}',
  countdownLeft: '(restano {minutes}:{seconds})',
  countdownEnded:
    'Il tempo è finito. Puoi andare avanti lo stesso: l’orario è tuo se è ancora libero quando confermi.',
  taken:
    'Ci dispiace, qualcuno ha appena preso questo orario. Scegline un altro: ecco gli orari liberi più vicini.',
  notAvailable: 'Questo orario non è disponibile. Scegli uno degli orari mostrati.',
  tooClose:
    'La pelle ha bisogno di tempo per guarire tra una seduta e l’altra. Scegli un orario dal {date} in poi.',
} satisfies MessagesOf<typeof en>
