import { type MessagesOf } from '../catalogue.ts'
import type en from './auth.en.ts'

export default {
  signInTitle: 'Accesso del personale | Dermadesk',
  signInHeading: 'Accesso del personale',
  signInIntro:
    'Per medici, infermieri, estetiste e amministratori della clinica. I pazienti non hanno bisogno di un account.',
  signInWelcome: 'La password è impostata. Accedi con la nuova password per continuare.',
  signInExpired: 'Sei uscito dopo 15 minuti di inattività. Accedi di nuovo.',
  signInFormHeading: 'Accedi',
  emailLabel: 'Email',
  passwordLabel: 'Password',
  signInButton: 'Accedi',
  signInPending: 'Accesso in corso…',
  signInThrottled:
    'Troppi tentativi di accesso. Aspetta {minutes, plural, one {# minuto} other {# minuti}} e riprova.',
  signInWrong: 'Email e password non corrispondono a nessun account.',
  passwordRequired: 'Inserisci la password.',
  passwordTooLong: 'La password è troppo lunga.',
  verifyTitle: 'Inserisci il codice di accesso | Dermadesk',
  verifyHeading: 'Inserisci il codice di accesso',
  verifyIntro:
    'Apri l’app di autenticazione sul telefono e inserisci il codice di 6 cifre che mostra per questa clinica. Il codice cambia ogni 30 secondi.',
  verifyTotpLabel: 'Accedi con un codice dell’app',
  verifyContinue: 'Continua',
  verifyLostPhone: 'Hai perso il telefono? Usa un codice di recupero',
  verifyCancel: 'Annulla ed esci',
  verifyRecoveryFormLabel: 'Accedi con un codice di recupero',
  recoveryCodeLabel: 'Codice di recupero',
  recoveryCodeHint:
    'Uno dei codici salvati quando hai attivato la verifica in due passaggi, come 7KQ4-M2XD-9PFA. Ogni codice vale una volta.',
  checking: 'Verifica in corso…',
  verifyRecoverySubmit: 'Accedi con questo codice di recupero',
  codesThrottled:
    'Troppi codici sbagliati. Aspetta {minutes, plural, one {# minuto} other {# minuti}} e riprova.',
  wrongCode: 'Il codice non è corretto. Inserisci il codice che l’app mostra adesso.',
  usedCode: 'Questo codice è già stato usato. Aspetta che l’app mostri un nuovo codice.',
  wrongRecoveryCode: 'Il codice di recupero non è corretto, oppure è già stato usato.',
  totpRequired: 'Inserisci il codice di 6 cifre dell’app di autenticazione.',
  recoveryRequired: 'Inserisci un codice di recupero come 7KQ4-M2XD-9PFA.',
  currentPasswordRequired: 'Inserisci la password attuale.',
  codeLabel: 'Codice di 6 cifre',
  securityTitle: 'Verifica in due passaggi | Dermadesk',
  securityHeading: 'Verifica in due passaggi',
  securityLead:
    'Dopo la password inserisci anche un codice di un’app sul telefono. Chi scopre la tua password non può comunque aprire le cartelle dei pazienti.',
  securityMustEnrol:
    'La clinica chiede a tutto il personale di usare la verifica in due passaggi. Attivala ora per continuare alle pagine del personale.',
  securityRecoveryUsed:
    'Hai fatto l’accesso con un codice di recupero. Te ne restano {count}. Se hai perso il telefono, disattiva la verifica in due passaggi e attivala di nuovo sul telefono nuovo.',
  securityTurnedOff:
    'La verifica in due passaggi è disattivata. Gli altri tuoi dispositivi sono stati disconnessi.',
  securityAlreadyOn: 'La verifica in due passaggi è già attiva.',
  securityAlreadyOff: 'La verifica in due passaggi è già disattivata.',
  securitySetupRestarted:
    'La configurazione è stata riavviata o completata altrove. Ricomincia da capo.',
  securityWrongPassword: 'La password non è corretta.',
  attemptsThrottled:
    'Troppi tentativi sbagliati. Aspetta {minutes, plural, one {# minuto} other {# minuti}} e riprova.',
  setUpHeading: 'Attivala',
  setUpStepApp:
    'Installa un’app di autenticazione sul telefono, per esempio Google Authenticator, Microsoft Authenticator o 1Password.',
  setUpStepButton:
    'Premi il pulsante qui sotto. Ti mostriamo un codice QR da scansionare con l’app.',
  setUpStepCode: 'Inserisci il codice di 6 cifre che l’app mostra, per provare che funziona.',
  setUpStartLabel: 'Inizia ad attivare la verifica in due passaggi',
  setUpButton: 'Attiva la verifica in due passaggi',
  scanHeading: '1. Scansiona questo codice QR con l’app',
  qrAlt:
    'Codice QR per l’app di autenticazione. Se non riesci a scansionarlo, usa la chiave di configurazione qui sotto.',
  setupKeyLabel: 'Chiave di configurazione',
  setupKeyHint:
    'Non riesci a scansionare? Nell’app scegli di inserire una chiave e scrivi questa chiave per l’account {email}. Se l’app lo chiede, scegli «basata sul tempo».',
  confirmHeading: '2. Inserisci il codice che l’app mostra',
  restartWithNewKey: 'Ricomincia con una nuova chiave',
  turnOn: 'Attiva la verifica in due passaggi',
  statusLabel: 'Stato',
  statusOn: 'Attiva',
  sinceLabel: 'Dal',
  codesLeftLabel: 'Codici di recupero rimasti',
  codesLeftValue: '{count} su 10',
  newCodesHeading: 'Nuovi codici di recupero',
  newCodesText: 'Crea 10 nuovi codici. I vecchi codici smettono di funzionare.',
  newCodesButton: 'Crea nuovi codici di recupero',
  turnOff: 'Disattiva la verifica in due passaggi',
  turnOffText:
    'Fallo se hai un telefono nuovo, poi attivala di nuovo. Gli altri tuoi dispositivi vengono disconnessi.',
  turnOffTextRequired:
    'Fallo se hai un telefono nuovo, poi attivala di nuovo. La clinica richiede la verifica in due passaggi: dovrai attivarla di nuovo prima di usare le pagine del personale. Gli altri tuoi dispositivi vengono disconnessi.',
  currentPasswordLabel: 'La tua password attuale',
  currentPasswordHint: 'Te la chiediamo di nuovo prima di cambiare il modo in cui accedi.',
  codesHeading: 'I tuoi codici di recupero',
  codesJustEnrolled:
    'La verifica in due passaggi è attiva. D’ora in poi, dopo la password, inserisci un codice dell’app.',
  codesRenewed: 'I nuovi codici di recupero sono pronti. I vecchi codici non funzionano più.',
  codesSaveNow:
    'Se perdi il telefono, ognuno di questi codici ti fa accedere una volta. Salvali ora: scaricali o stampa questa pagina, e tienili in un posto riservato.',
  codesNotAgain: 'Non li mostreremo più.',
  codesListLabel: 'Codici di recupero',
  codesDownload: 'Scarica i codici in un file di testo',
  codesContinue: 'Ho salvato i codici: continua',
  codesCreated: 'Creati il {createdAt}.',
  inviteTitle: 'Imposta la tua password | Dermadesk',
  inviteBrokenHeading: 'Questo invito non funziona',
  inviteBrokenText:
    'Il link è già stato usato, è scaduto (vale 72 ore) o non è completo. Chiedi a un amministratore della clinica di invitarti di nuovo.',
  inviteHeading: 'Imposta la tua password',
  inviteWelcome:
    'Benvenuto, {name}. Il tuo account ({email}, {roles}) è pronto quando scegli una password. Poi attiverai la verifica in due passaggi.',
  invitePasswordHeading: 'La tua password',
  newPasswordLabel: 'Nuova password',
  newPasswordHint:
    'Almeno {min} caratteri. Alcune parole senza legame tra loro fanno una password forte; un gestore di password aiuta.',
  typeAgainLabel: 'Scrivila di nuovo',
  saving: 'Salvataggio…',
  setMyPassword: 'Imposta la password',
  inviteAlreadyStaff:
    'Questo indirizzo ha già un account. Accedi, oppure chiedi aiuto a un amministratore.',
  inviteGone:
    'Questo invito è già stato usato o è scaduto. Chiedine uno nuovo a un amministratore.',
  linkIncomplete: 'Questo link non è completo.',
  passwordsDiffer: 'Le due password non sono uguali.',
  choosePassword: 'Scegli una password.',
  passwordTooShort:
    'Usa almeno {min} caratteri. Alcune parole senza legame tra loro fanno una password forte.',
  passwordTooLongMax: 'Usa al massimo {max} caratteri.',
  typeAgainRequired: 'Scrivi di nuovo la password.',
  codesFileName: 'dermadesk-codici-di-recupero.txt',
  codesFileTitle: '{clinic}: codici di recupero per {email}',
  codesFileCreated: 'Creati il {createdAt}',
  codesFileEachCode:
    'Ogni codice ti fa accedere una volta, se non puoi usare l’app di autenticazione.',
  codesFileKeep:
    'Tienili in un posto sicuro e privato. Se crei nuovi codici, questi non valgono più.',
} satisfies MessagesOf<typeof en>
