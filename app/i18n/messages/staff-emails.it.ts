import { type MessagesOf } from '../catalogue.ts'
import type en from './staff-emails.en.ts'

export default {
  clinicFallback: 'la clinica',
  invitationSubject: 'Il tuo account del personale presso {clinic}',
  invitationGreeting: 'Ciao {name},',
  invitationInvited: 'Ti invitiamo a entrare in {clinic} su Dermadesk come {roles}.',
  invitationLink:
    'Scegli qui la tua password (il link funziona una sola volta, per {hours} ore): {link}',
  invitationTwoStep:
    'Dopo la password attiverai la verifica in due passaggi con un’app di autenticazione.',
  invitationIgnore: 'Se non aspettavi questa email, puoi ignorarla.',
  roleName: '{role, select, clinician {clinico} admin {amministratore} other {{role}}}',
  withdrawnSubject: 'Consenso revocato: {reference}',
  withdrawnWhat: 'Un paziente ha revocato il consenso per la prenotazione {reference} ({when}).',
  withdrawnUnchanged:
    'La prenotazione resta com’è. Non fare il trattamento finché il paziente non firma di nuovo.',
  withdrawnDetails: 'I dettagli, per il personale che ha fatto l’accesso: {link}',
  privacyRequestSubject: 'C’è una richiesta sulla privacy',
  privacyRequestWhat: 'Un paziente ha fatto una richiesta sulla privacy. Rispondi entro il {date}.',
  privacyRequestDetails: 'Aprila, come amministratore: {link}',
} satisfies MessagesOf<typeof en>
