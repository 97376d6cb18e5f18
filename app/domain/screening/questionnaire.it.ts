import type { QuestionnaireWords } from './questionnaire.ts'

/**
 * The questionnaire in Italian: the same questions, choices and follow-ups as the English in
 * questionnaire.ts (keyed by the same values, so the structure cannot differ), written in the
 * informal "tu" and short sentences for a Gulpease index of 60 or more (ADR 038). The words beside
 * each answer for the clinician are the usual Italian clinical terms.
 */
export const QUESTIONNAIRE_IT: QuestionnaireWords = {
  dateOfBirth: {
    label: 'La tua data di nascita',
    hint: 'Ci serve per sapere la tua età. Alcune regole dipendono da questo.',
  },
  areas: {
    legend: 'Dove vuoi fare il trattamento?',
    hint: 'Scegli tutte le zone che vuoi.',
    options: {
      face: { label: 'Viso, ma non intorno agli occhi', clinician: 'Viso' },
      eye_area: { label: 'Intorno agli occhi', clinician: 'Zona perioculare' },
      neck: { label: 'Collo', clinician: 'Collo' },
      chest: { label: 'Petto', clinician: 'Décolleté' },
      hands: { label: 'Dorso delle mani', clinician: 'Dorso delle mani' },
      body: { label: 'Corpo, per esempio braccia, gambe, pancia o schiena', clinician: 'Corpo' },
    },
  },
  skinType: {
    legend: 'Quale di queste descrive meglio la tua pelle?',
    hint: 'Ci aiuta a curarti bene. Non c’è una risposta sbagliata.',
    options: {
      I: {
        label: 'Molto chiara. Al sole si scotta sempre e non si abbronza mai.',
        clinician: 'Fototipo I',
      },
      II: {
        label: 'Chiara. Si scotta facilmente e si abbronza poco.',
        clinician: 'Fototipo II',
      },
      III: {
        label: 'Da chiara a media. A volte si scotta e si abbronza piano.',
        clinician: 'Fototipo III',
      },
      IV: {
        label: 'Olivastra o un po’ scura. Si scotta di rado e si abbronza bene.',
        clinician: 'Fototipo IV',
      },
      V: { label: 'Scura. Si scotta molto di rado.', clinician: 'Fototipo V' },
      VI: { label: 'Molto scura o nera. Non si scotta mai.', clinician: 'Fototipo VI' },
      unsure: { label: 'Non lo so.', clinician: 'Non sa' },
    },
  },
  checklists: {
    skinNow: {
      legend: 'Adesso hai una di queste cose, dove vuoi il trattamento?',
      hint: 'Scegli tutte quelle che hai.',
      options: {
        infection: {
          label: 'Un’infezione della pelle: pelle rossa, calda o che trasuda, o un fungo',
          clinician: 'Infezione attiva nella zona',
        },
        open_wound: {
          label: 'Un taglio, una ferita o una piaga aperta',
          clinician: 'Ferita o lesione aperta nella zona',
        },
        cold_sore: {
          label: 'Herpes sul labbro (herpes labiale)',
          clinician: 'Herpes labiale attivo (lesione da HSV)',
        },
        inflamed_acne: {
          label: 'Brufoli rossi, gonfi o che fanno male (acne)',
          clinician: 'Acne infiammatoria attiva',
        },
        skin_flare: {
          label: 'Eczema, psoriasi o rosacea in fase attiva',
          clinician: 'Eczema, psoriasi o rosacea in fase attiva nella zona',
        },
        warts: { label: 'Verruche', clinician: 'Verruche nella zona' },
        changed_mole: {
          label: 'Un neo che è cambiato, o un tumore della pelle',
          clinician: 'Lesione sospetta o tumore cutaneo nella zona',
        },
        actinic_keratosis: {
          label: 'Macchie ruvide, secche e squamose, fatte dal sole',
          clinician: 'Cheratosi attinica nella zona',
        },
        raised_lesion: {
          label: 'Un rilievo o un nodulo che nessun medico ha visto',
          clinician: 'Lesione rilevata o non spiegata nella zona, non ancora valutata',
        },
        sunburn: { label: 'Una scottatura', clinician: 'Scottatura solare' },
        tan: {
          label: 'Un’abbronzatura: dal sole, dalle lampade o da un autoabbronzante',
          clinician: 'Abbronzatura recente o autoabbronzante',
        },
      },
    },
    history: {
      legend: 'Hai mai avuto una di queste cose?',
      hint: 'Scegli tutte quelle che hai avuto, anche tanto tempo fa.',
      options: {
        cold_sores: {
          label: 'Herpes sul labbro, anche una volta sola',
          clinician: 'Anamnesi di HSV (herpes labiale)',
        },
        keloid: {
          label: 'Cicatrici diventate alte, spesse o a nodo (cheloidi)',
          clinician: 'Tendenza a cheloidi o cicatrici ipertrofiche',
        },
        diabetes: { label: 'Diabete', clinician: 'Diabete' },
        autoimmune: {
          label: 'Una malattia in cui il corpo attacca sé stesso, come il lupus',
          clinician: 'Malattia autoimmune o del collagene',
        },
        immunosuppression: {
          label:
            'Difese immunitarie deboli. Oppure farmaci che le abbassano, per esempio dopo un trapianto.',
          clinician: 'Immunosoppressione',
        },
        cancer_treatment_now: {
          label: 'Chemio o radioterapia per un tumore, e la sto facendo ora',
          clinician: 'Chemioterapia o radioterapia in corso',
        },
        cancer_treatment_past: {
          label: 'Chemio o radioterapia per un tumore, in passato',
          clinician: 'Chemioterapia o radioterapia pregressa',
        },
        bleeding_disorder: {
          label: 'Problemi di sangue: sanguini tanto, o il sangue non coagula bene',
          clinician: 'Disturbo della coagulazione o dell’emostasi',
        },
        skin_disease: {
          label: 'Eczema, psoriasi o rosacea, anche se ora sono calme',
          clinician: 'Anamnesi di eczema, psoriasi o rosacea',
        },
        radiation_to_area: {
          label: 'Radioterapia sulla pelle che vuoi trattare',
          clinician: 'Radioterapia sulla zona da trattare',
        },
        blood_borne_infection: {
          label: 'Epatite B o C, HIV, o un’altra infezione del sangue',
          clinician: 'Infezione sistemica o ematica (es. epatite, HIV)',
        },
        liver_disease: {
          label: 'Una malattia del fegato',
          clinician: 'Epatopatia',
        },
        pseudocholinesterase: {
          label:
            'Ti hanno detto che il tuo corpo elimina piano alcuni farmaci usati per le operazioni',
          clinician: 'Deficit di pseudocolinesterasi',
        },
        methaemoglobinaemia: {
          label: 'Un problema del sangue che si chiama metaemoglobinemia. Può fare le labbra blu.',
          clinician: 'Metaemoglobinemia',
        },
      },
    },
    medicines: {
      legend: 'Prendi o usi una di queste cose?',
      hint: 'Scegli tutte quelle che usi. Il foglietto del farmaco può aiutarti.',
      options: {
        isotretinoin_now: {
          label:
            'Pastiglie per l’acne con isotretinoina (come Roaccutan o Isotretinoina). Le prendo ora.',
          clinician: 'Isotretinoina in corso',
        },
        isotretinoin_past: {
          label: 'Pastiglie per l’acne con isotretinoina. Le ho prese, ma ho smesso.',
          clinician: 'Isotretinoina sospesa',
        },
        blood_thinners: {
          label:
            'Farmaci che rendono il sangue più fluido (anticoagulanti), come il Coumadin, o l’aspirina tutti i giorni',
          clinician: 'Anticoagulante o antiaggregante',
        },
        retinoids_acids: {
          label: 'Creme con retinolo o acidi, o peeling che fai a casa',
          clinician: 'Retinoide topico o AHA/BHA',
        },
        photosensitising: {
          label: 'Farmaci che ti fanno scottare di più al sole',
          clinician: 'Farmaco fotosensibilizzante',
        },
        heart_rhythm: {
          label: 'Farmaci per il cuore che batte troppo veloce o in modo irregolare',
          clinician: 'Antiaritmico',
        },
      },
    },
    allergies: {
      legend: 'Sei allergico a una di queste cose?',
      hint: 'Scegli tutte quelle che hai.',
      options: {
        stainless_steel: { label: 'Acciaio inox', clinician: 'Allergia all’acciaio inox' },
        nickel: {
          label: 'Nichel, per esempio se i gioielli economici ti danno prurito',
          clinician: 'Allergia al nichel',
        },
        anaesthetic: {
          label: 'Creme o punture che addormentano la pelle (anestetici)',
          clinician: 'Allergia agli anestetici locali',
        },
        sulpha_paba: {
          label: 'Sulfamidici, o il PABA che c’è in alcune creme solari',
          clinician: 'Allergia a sulfamidici o PABA',
        },
      },
    },
    procedures: {
      legend: 'Negli ultimi 12 mesi hai fatto una di queste cose?',
      hint: 'Scegli tutte quelle che hai fatto.',
      options: {
        toxin: {
          label: 'Punture per le rughe, come il Botox',
          clinician: 'Tossina botulinica',
        },
        filler: { label: 'Punture di filler', clinician: 'Filler dermico' },
        peel: {
          label: 'Un peeling chimico in un centro o in uno studio',
          clinician: 'Peeling chimico',
        },
        laser: {
          label: 'Laser o luce pulsata (IPL)',
          clinician: 'Laser o IPL',
        },
        dermabrasion_deep_peel: {
          label: 'Dermoabrasione, o un peeling profondo',
          clinician: 'Dermoabrasione o peeling profondo',
        },
        facial_surgery: {
          label: 'Un lifting o un’operazione alle palpebre',
          clinician: 'Lifting o blefaroplastica',
        },
      },
    },
  },
  pregnancy: {
    legend: 'Sei incinta o allatti?',
    hint: 'Rispondi “No” se non ti riguarda.',
    options: {
      no: { label: 'No', clinician: 'No' },
      pregnant: {
        label: 'Sì, sono incinta o potrei esserlo',
        clinician: 'Gravidanza, certa o possibile',
      },
      breastfeeding: { label: 'Sì, allatto', clinician: 'Allattamento' },
    },
  },
  followUps: {
    tanDate: {
      label: 'Quando ti sei abbronzato l’ultima volta, o hai messo l’autoabbronzante?',
      hint: 'Se lo fai ancora, scrivi la data di oggi.',
      clinician: 'Ultima abbronzatura o autoabbronzante',
    },
    diabetesControlled: {
      label: 'Il tuo diabete è ben controllato?',
      hint: 'Il tuo medico o l’infermiere te lo possono dire.',
      clinician: 'Diabete controllato',
    },
    cancerTreatmentEndDate: {
      label: 'Quando è finita l’ultima terapia?',
      clinician: 'Fine di chemioterapia o radioterapia',
    },
    isotretinoinLastDose: {
      label: 'Quando hai preso l’ultima pastiglia?',
      hint: 'Va bene una data vicina.',
      clinician: 'Ultima dose di isotretinoina',
    },
    retinoidLastUse: {
      label: 'Quando l’hai usato l’ultima volta sulla zona?',
      hint: 'Se lo usi ancora, scrivi la data di oggi. Dovrai smettere qualche giorno prima della visita.',
      clinician: 'Ultimo uso di retinoide o acido topico',
    },
    toxinDate: { label: 'Quando hai fatto le punture?', clinician: 'Tossina botulinica il' },
    fillerDate: { label: 'Quando hai fatto il filler?', clinician: 'Filler il' },
    peelDate: { label: 'Quando hai fatto il peeling?', clinician: 'Peeling il' },
    laserDate: {
      label: 'Quando hai fatto il laser o la luce pulsata?',
      clinician: 'Laser o IPL il',
    },
    deepPeelDate: {
      label: 'Quando hai fatto la dermoabrasione o il peeling profondo?',
      clinician: 'Dermoabrasione o peeling profondo il',
    },
    facialSurgeryDate: {
      label: 'Quando hai fatto l’operazione?',
      clinician: 'Lifting o chirurgia delle palpebre il',
    },
  },
  diabetesControl: {
    yes: { label: 'Sì', clinician: 'Sì' },
    no: { label: 'No', clinician: 'No' },
    unsure: { label: 'Non lo so', clinician: 'Non sa' },
  },
  noneLabel: 'Nessuna di queste',
  sections: {
    about: 'Su di te',
    skin: 'La tua pelle adesso',
    health: 'La tua salute',
    medicines: 'Farmaci e prodotti per la pelle',
    allergies: 'Allergie',
    pregnancy: 'Gravidanza',
    treatments: 'Altri trattamenti per la pelle',
  },
  clinician: {
    dateOfBirth: 'Data di nascita',
    areas: 'Zone',
    skinType: 'Fototipo',
    skinNow: 'Nella zona ora',
    history: 'Anamnesi',
    medicines: 'Farmaci e topici',
    allergies: 'Allergie',
    pregnancy: 'Gravidanza o allattamento',
    procedures: 'Trattamenti negli ultimi 12 mesi',
    none: 'Nessuna',
  },
  result: {
    eligible: {
      title: 'Grazie, puoi prenotare',
      body: 'Le tue risposte non ti impediscono questo trattamento. Ora scegli un giorno e un’ora.',
    },
    review: {
      title: 'Un medico controllerà le tue risposte',
      body: 'Puoi scegliere un orario adesso. Te lo teniamo. Un medico controlla le tue risposte prima della visita. Ti scriviamo una email quando la prenotazione è confermata, o se abbiamo una domanda.',
    },
    wait: {
      title: 'Puoi prenotare da una data più avanti',
      body: 'Per alcune risposte dobbiamo aspettare un po’ prima del trattamento. Puoi scegliere un orario dalla data qui sotto.',
    },
    notEligible: {
      title: 'Ora non possiamo prenotare questo trattamento per te',
      body: 'Grazie per le tue risposte sincere. Servono a tenerti al sicuro. Per i motivi qui sotto, ora questo trattamento non fa per te.',
      consultation:
        'Puoi prenotare una consulenza. Un medico guarda la tua pelle e parla con te di cosa puoi fare senza rischi.',
    },
    consultation: {
      review:
        'Se vuoi parlarne prima, puoi prenotare una consulenza. Un medico guarda con te la tua pelle e le tue risposte.',
    },
    headings: {
      notEligible: 'Perché ora non possiamo prenotarlo',
      review: 'Cosa controllerà un medico',
      wait: 'Date da aspettare',
    },
    privacy:
      'Solo i medici che ti curano possono vedere le tue risposte. Non le mettiamo mai nelle email.',
    intro:
      'Queste domande ci aiutano a tenerti al sicuro. Rispondi pensando alla pelle che vuoi trattare. Ci vogliono circa cinque minuti.',
  },
}
