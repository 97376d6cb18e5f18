import { type MessagesOf } from '../catalogue.ts'
import type en from './admin-services.en.ts'

export default {
  listIntro: 'I pazienti vedono i servizi attivi in questo ordine. Aprine uno per modificarlo.',
  allServices: 'Tutti i servizi',
  colLength: 'Durata',
  colActivePractitioners: 'Professionisti attivi',
  tierText:
    '{kind, select, consultation {Consulenza, {tier, select, medical {medica} other {estetica}}} other {{tier, select, medical {medico} other {estetico}}}}',
  minutesShort: '{minutes} min',
  newIntro: 'Poi scegli chi lo esegue nella pagina di ogni professionista.',
  service: 'Servizio',
  notFound: 'Non abbiamo trovato questo servizio.',
  changeService: 'Il salvataggio del servizio {name}',
  slugNote: 'Nome nell’indirizzo web: {slug} (non cambia).',
  saveService: 'Salva il servizio',
  addServiceButton: 'Aggiungi il servizio',
  descriptionLabel: 'Descrizione per i pazienti',
  descriptionHint: 'Cosa si fa, a cosa serve e chi lo fa. Parole semplici.',
  kindLabel: 'Tipo',
  kindHint: 'Una consulenza non usa aghi: niente questionario, niente consenso, niente profondità.',
  treatment: 'Trattamento',
  tierLabel: 'Livello',
  tierHint:
    'Il livello medico richiede un professionista medico (se lo scegli, il servizio viene tolto ai professionisti estetici). Il livello estetico arriva al massimo a 0,5 mm.',
  lengthLabel: 'Durata (minuti)',
  bufferLabel: 'Pausa dopo (minuti)',
  bufferHint: 'Pulizia e note prima del paziente successivo.',
  depthLabel: 'Profondità massima (mm)',
  depthHint: 'In millimetri, per esempio 1,5. Lascia vuoto per una consulenza.',
  sessionsLabel: 'Sedute in un ciclo',
  sessionsHint: '1 per una visita singola.',
  weeksLabel: 'Settimane tra le sedute',
  priceLabel: 'Prezzo in euro (facoltativo)',
  priceHint: 'Per esempio 250 o 89,50. Lascia vuoto per non mostrare il prezzo.',
  downtimeLabel: 'Tempi di recupero',
  downtimeHint:
    'Cosa aspettarsi dopo il trattamento, per esempio «Pelle arrossata per 2 o 3 giorni», oppure «Nessuno».',
  positionLabel: 'Posizione nell’elenco',
  positionHint: 'I numeri più bassi vengono prima.',
  activeLabel: 'Attivo: i pazienti possono prenotarlo',
  activeHint: 'Se lo disattivi, ti chiediamo cosa fare con le sue prenotazioni future.',
} satisfies MessagesOf<typeof en>
