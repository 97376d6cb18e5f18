import { type MessagesOf } from '../catalogue.ts'
import type en from './limits.en.ts'

export default {
  waitSoon: 'tra un minuto',
  waitMinutes: 'tra circa {minutes} minuti',
  waitHours: 'tra circa {hours} ore',
  holdRenewal:
    'Il tempo per tenere questo orario è finito. Lo stesso orario non si tiene due volte per la stessa visita. Scegli un altro orario, oppure riprova questo {wait}.',
  holdNetwork:
    'Dalla tua rete ci sono già diversi orari tenuti da parte. Finisci di prenotarne uno, oppure riprova {wait}.',
  tooManyBookings:
    'Questa email ha già {max, plural, one {# prenotazione} other {# prenotazioni}} in arrivo. È il massimo che accettiamo online per un indirizzo. Per prenotare ancora, chiama la clinica al {phone}, oppure annulla una visita che non ti serve più.',
  screeningWait:
    'Per le tue risposte alle domande sulla salute, scegli un orario dal {date} in poi.',
} satisfies MessagesOf<typeof en>
