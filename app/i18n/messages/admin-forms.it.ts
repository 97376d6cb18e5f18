import { type MessagesOf } from '../catalogue.ts'
import type en from './admin-forms.en.ts'

export default {
  textTooLong: 'Usa al massimo {max} caratteri.',
  textInvalid: 'Scrivi un testo qui.',
  numberWhole:
    'Inserisci {field, select, durationMinutes {la durata in minuti} bufferAfterMinutes {la pausa dopo, in minuti} courseSessions {il numero di sedute} courseIntervalWeeks {le settimane tra una seduta e l’altra} sortOrder {la posizione nell’elenco} slotStepMinutes {l’intervallo tra gli orari, in minuti} minNoticeHours {il preavviso minimo in ore} maxAdvanceDays {con quanti giorni di anticipo si può prenotare} holdMinutes {per quanti minuti resta bloccato un orario} cancellationWindowHours {il termine di disdetta in ore} minDaysBetweenNeedling {i giorni tra due sedute con aghi} maxUpcomingBookingsPerEmail {quante prenotazioni future può avere un indirizzo email} other {un numero}} come numero intero.',
  numberRequired:
    'Inserisci {field, select, durationMinutes {la durata in minuti} bufferAfterMinutes {la pausa dopo, in minuti} courseSessions {il numero di sedute} courseIntervalWeeks {le settimane tra una seduta e l’altra} sortOrder {la posizione nell’elenco} slotStepMinutes {l’intervallo tra gli orari, in minuti} minNoticeHours {il preavviso minimo in ore} maxAdvanceDays {con quanti giorni di anticipo si può prenotare} holdMinutes {per quanti minuti resta bloccato un orario} cancellationWindowHours {il termine di disdetta in ore} minDaysBetweenNeedling {i giorni tra due sedute con aghi} maxUpcomingBookingsPerEmail {quante prenotazioni future può avere un indirizzo email} other {un numero}}.',
  numberRange:
    '{unit, select, minutes {Usa un valore tra {min} e {max} minuti.} hours {Usa un valore tra {min} e {max} ore.} days {Usa un valore tra {min} e {max} giorni.} sessions {Usa un valore tra {min} e {max} sedute.} weeks {Usa un valore tra {min} e {max} settimane.} bookings {Usa un valore tra {min} e {max} prenotazioni.} other {Usa un valore tra {min} e {max}.}}',
  dateRequired: 'Inserisci una data.',
  dateFormat: 'Scrivi la data come AAAA-MM-GG, per esempio 2027-08-16.',
  dateNotReal: 'Questa data non esiste.',
  strandedChoice: 'Scegli se mantenere o cancellare queste prenotazioni.',
  bookingListDamaged: 'L’elenco delle prenotazioni è danneggiato. Torna indietro e riprova.',
  unknownPractitioner: 'Professionista sconosciuto',
  unknownService: 'Servizio sconosciuto',
  depthFormat: 'Inserisci una profondità in millimetri, per esempio 1,5.',
  nameRequired: 'Inserisci un nome.',
  titleRequired: 'Inserisci un titolo, per esempio Medico o Infermiera.',
  credentialRequired: 'Scegli medico o estetico.',
  registrationRequired: 'Inserisci l’albo professionale e il numero di iscrizione.',
  practitionerDepthRange: 'Usa una profondità tra 0 e 3 mm.',
  servicesFromList: 'Scegli i servizi dall’elenco.',
  startTimeRequired: 'Inserisci un’ora di inizio.',
  endTimeRequired: 'Inserisci un’ora di fine.',
  timeLike: 'Inserisci un orario come {example}.',
  endAfterStart: 'L’ora di fine deve essere dopo l’ora di inizio.',
  intervalOverlaps:
    'Questa fascia si sovrappone a un’altra fascia di {weekday, select, 1 {lunedì} 2 {martedì} 3 {mercoledì} 4 {giovedì} 5 {venerdì} 6 {sabato} other {domenica}}.',
  exceptionKindRequired: 'Scegli assenza oppure ore in più.',
  extraHoursNeedTimes:
    'Le ore in più hanno bisogno di un’ora di inizio e di fine. Togli la spunta a «Tutto il giorno».',
  startTimeOrWholeDay: 'Inserisci un’ora di inizio, oppure spunta «Tutto il giorno».',
  exceptionGone: 'Questa voce non esiste più. Ricarica la pagina.',
  unknownForm: 'Non sappiamo quale modulo è stato inviato. Ricarica la pagina e riprova.',
  descriptionRequired: 'Inserisci una descrizione per i pazienti.',
  serviceKindRequired: 'Scegli trattamento o consulenza.',
  tierRequired: 'Scegli medico o estetico.',
  downtimeRequired: 'Descrivi i tempi di recupero, oppure scrivi «Nessuno».',
  consultationNoDepth: 'Una consulenza non usa aghi: lascia vuota la profondità.',
  serviceDepthRequired: 'Inserisci la profondità massima in millimetri, per esempio 1,5.',
  serviceDepthRange: 'Usa una profondità tra 0,1 e 3 mm.',
  cosmeticTooDeep:
    'Il microneedling estetico non supera 0,5 mm. Per andare più in profondità scegli il livello medico.',
  priceFormat: 'Inserisci un prezzo in euro, per esempio 250 o 89,50, oppure lascialo vuoto.',
  courseIntervalRequired: 'Inserisci le settimane tra una seduta e l’altra del ciclo.',
  closureReasonRequired: 'Inserisci un motivo, per esempio Natale.',
  closureGone: 'Questa chiusura non esiste più. Ricarica la pagina.',
  timeZoneRequired: 'Scegli un fuso orario.',
  timeZoneFromList: 'Scegli un fuso orario dall’elenco, per esempio Europe/Rome.',
  clinicNameRequired: 'Inserisci il nome della clinica.',
  clinicPhoneRequired: 'Inserisci il numero di telefono della clinica.',
  clinicPhoneCountryCode:
    'Inserisci il numero con il prefisso internazionale, per esempio +39 02 1234 5678.',
  clinicAddressRequired: 'Inserisci l’indirizzo della clinica.',
  clinicAddressCity: 'Inserisci l’indirizzo della clinica, con la città.',
  defaultLocaleRequired: 'Scegli italiano o inglese.',
  photoRequired: 'Scegli una foto da caricare.',
  italianServiceAllOrNone:
    'Scrivi in italiano nome, descrizione e tempi di recupero, oppure lascia vuoti tutti e tre.',
  italianTitleRequired:
    'Scrivi anche il titolo in italiano, oppure lascia vuota la bio in italiano.',
} satisfies MessagesOf<typeof en>
