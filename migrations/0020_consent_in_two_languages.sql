-- Consent in two languages (docs/decisions/039-consent-in-two-languages.md). A version's text in
-- another language than English lives in consent_version_texts (English stays the version's own
-- `content`), and a signature records the language it was read and signed in. Added columns and
-- a new table, never a rebuilt one (as 0015 to 0019): a rebuild of consent_records would drop its
-- append-only triggers. Every signature before this was English, hence the default.
CREATE TABLE `consent_version_texts` (
	`document_version_id` text NOT NULL,
	`locale` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`document_version_id`, `locale`),
	FOREIGN KEY (`document_version_id`) REFERENCES `consent_document_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "consent_version_texts_locale" CHECK("consent_version_texts"."locale" IN ('it'))
);
--> statement-breakpoint
ALTER TABLE `consent_records` ADD `locale` text DEFAULT 'en' NOT NULL CONSTRAINT "consent_records_locale" CHECK("locale" IN ('it', 'en'));
--> statement-breakpoint
-- The Italian of the published version 2 of each tier (0014), written from the Italian tier
-- content by `npx tsx scripts/print-consent-versions.ts 2 it`; a test checks these rows equal
-- consentContentFor(tier, 'it'). Version 2 was only ever signed in English, so adding its Italian
-- changes no signed text. Version 1 stays English only: no session needs it any more (0014
-- replaces it from its own date).
INSERT INTO consent_version_texts
  (document_version_id, locale, content, created_at, updated_at)
VALUES (
  'e1a4c7d2-3b5f-4e68-9a0c-2d4f6b8a1c05',
  'it',
  '{
  "title": "Consenso per il microneedling medico",
  "sections": [
    {
      "key": "procedure",
      "title": "Cosa facciamo e perché",
      "body": "Il microneedling medico è un trattamento per la pelle. Una penna con aghi molto sottili e puliti fa tanti piccoli fori nella pelle. Usiamo aghi nuovi per ogni persona e poi li buttiamo.\n\nLa pelle guarisce queste piccole ferite. Mentre guarisce, fa nuovo collagene. Il collagene tiene la pelle soda e liscia. Può aiutare con rughe sottili, cicatrici da acne, macchie scure e smagliature.\n\nIn cosa è diverso dagli altri needling:\n- Il needling medico arriva a 1-1,5 mm di profondità, o di più per le cicatrici. Lo fa solo un medico, o un infermiere che lavora con un medico. Serve a far fare alla pelle nuovo collagene.\n- Il needling estetico non è la stessa cosa. I suoi aghi sono lunghi 0,5 mm o meno. Arrivano solo allo strato più esterno della pelle.\n- Nemmeno i rulli per uso a casa sono la stessa cosa. I loro aghi sono corti e non tagliano. Non possono fare quello che fa questo trattamento.\n\nTrattiamo solo pelle integra e sana. Non usiamo mai gli aghi su una ferita, un’infezione, l’acne attiva o la pelle irritata.\n\nPrima possiamo mettere sulla pelle una crema che toglie il dolore.\n\nSe qualcosa non è chiaro, chiedici prima di firmare. Puoi chiamare {{clinic_name}} al {{clinic_phone}}."
    },
    {
      "key": "what_to_expect",
      "title": "Cosa aspettarti, giorno per giorno",
      "body": "Giorno per giorno:\n- Giorno 0: Il giorno del trattamento. La pelle è rossa, come dopo una leggera scottatura. Può essere calda, tesa e un po’ dolente. Qualche puntino di sangue è normale.\n- Dal giorno 1 al giorno 3: Il rossore cala. Il rossore e il gonfiore scendono. Entro il giorno 3 sono quasi spariti. La pelle può essere tesa e secca.\n- Dal giorno 4 al giorno 6: Pellicine e piccole croste. La pelle può spellarsi e si possono formare piccole croste. Non toccarle: cadono da sole.\n- Dal giorno 7 al giorno 10: Pelle guarita. Vanno via gli ultimi rossori, croste o lividi. Ora quasi tutta la pelle è guarita.\n- Dal giorno 11: Nuovo collagene. La pelle continua a fare nuovo collagene. I risultati arrivano piano, in settimane o mesi. Li valutiamo 3 mesi dopo l’ultima seduta.\n\nDi solito servono da 3 a 6 sedute, a 4 settimane l’una dall’altra. Dopo, da 2 a 3 sedute all’anno aiutano a mantenere i risultati. I risultati non sono uguali per tutti. Non possiamo promettere un risultato."
    },
    {
      "key": "risks",
      "title": "Rischi",
      "body": "Problemi comuni. Sono lievi e passano in pochi giorni:\n- rossore, gonfiore e dolore\n- pelle secca, pellicine e piccole croste\n- piccoli puntini di sangue, o un piccolo livido\n- prurito, pizzicore o bruciore\n- piccoli puntini bianchi, o qualche brufolo\n\nProblemi rari. Possono essere gravi:\n- un’infezione della pelle\n- l’herpes sul labbro, se lo hai già avuto\n- zone di pelle che diventano più scure o più chiare. Succede più spesso con la pelle scura, o se vai al sole.\n- un’allergia a una crema o al metallo degli aghi. Può iniziare giorni o settimane dopo.\n- piccoli noduli duri sotto la pelle, che possono durare mesi\n- cicatrici, come linee sottili nella pelle\n- una brutta reazione alla crema che toglie il dolore\n- il risultato non è quello che speravi\n\nPrima del trattamento, dicci i tuoi problemi di salute e le medicine e i prodotti per la pelle che usi. Così il rischio è più basso."
    },
    {
      "key": "alternatives",
      "title": "Altre scelte, anche non fare niente",
      "body": "Non devi per forza fare questo trattamento. Puoi scegliere di non fare niente. La tua pelle non avrà danni se aspetti o dici di no.\n\nAltre scelte sono le creme date da un medico, i peeling chimici, il laser o i filler. Ognuna ha i suoi rischi e i suoi costi. Chiedici di queste scelte prima di decidere. Puoi anche prenotare prima un colloquio con noi, senza aghi."
    },
    {
      "key": "aftercare",
      "title": "Come curare la pelle",
      "body": "- Il primo giorno non truccarti. Lava la pelle solo con acqua tiepida. Dopo, usa un detergente delicato.\n- Metti ogni giorno la crema lenitiva che ti diamo, da 7 a 10 giorni. Non usare altre creme, se non te lo diciamo noi.\n- Per 7 giorni non usare retinolo, acidi (AHA o BHA), sieri alla vitamina C o scrub.\n- Per 3 giorni niente sport pesante, piscina, sauna o bagno turco.\n- Non staccare e non grattare pellicine o croste. Può restare una cicatrice.\n\nIl sole:\n- Per 3 giorni stai lontano dal sole forte.\n- Dal secondo giorno metti ogni giorno la crema solare SPF 50, per 2 settimane, anche se è nuvoloso.\n\nVieni alla prossima seduta, come previsto."
    },
    {
      "key": "when_to_call",
      "title": "Quando chiamarci",
      "body": "Chiamaci al {{clinic_phone}} lo stesso giorno se:\n- Dopo il giorno 2 rossore, calore, gonfiore o dolore non calano, ma crescono.\n- Vedi del pus o delle croste gialle, oppure hai la febbre o non ti senti bene.\n- Hai molto più rossore, lividi, gonfiore o sangue di quanto ti abbiamo detto.\n- Ti viene l’herpes sul labbro.\n- Rossore, gonfiore o pelle che si spella durano più di 7 giorni circa.\n- Vedi nuovi puntini rossi che prudono, o piccoli noduli che fanno male. Anche dopo settimane.\n- Una zona della pelle diventa più scura o più chiara.\n\nSe non riesci a parlare con noi e ti sembra grave, vai da un medico o al pronto soccorso."
    },
    {
      "key": "photos",
      "title": "Foto",
      "body": "Per ora non facciamo foto della tua pelle. Per questo non ti promettiamo foto di prima e dopo.\n\nSe un giorno inizieremo a farle, le faremo solo se spunti qui sotto la casella per le foto. Useremo una tua foto per altro, per esempio sul nostro sito, solo se spunti anche l’altra casella. Se dici di no, le tue cure non cambiano. Puoi cambiare idea quando vuoi."
    },
    {
      "key": "cancellation",
      "title": "Se devi annullare",
      "body": "Puoi annullare o spostare la visita dalla pagina della prenotazione fino a {{cancellation_hours}} ore prima dell’inizio. Dopo, chiamaci al {{clinic_phone}}. Se non puoi venire, dillo appena puoi: così diamo l’orario a un’altra persona."
    },
    {
      "key": "withdrawal",
      "title": "Puoi cambiare idea",
      "body": "Puoi cambiare idea quando vuoi, anche il giorno stesso. Non devi dare un motivo. Per ritirare questo consenso, usa la pagina della prenotazione, o dillo a noi di persona.\n\nSe lo ritiri, non ti trattiamo finché non firmi di nuovo. Le cure che hai già avuto non cambiano."
    },
    {
      "key": "e_signature",
      "title": "Firma online e copia su carta",
      "body": "Firmi questo modulo online. Il nome che scrivi vale come firma. Vale anche la firma che disegni, se la aggiungi. Se firmi, accetti di firmare in questo modo.\n\nTeniamo una copia del modulo che hai firmato, con l’ora della firma. Puoi scaricarla quando vuoi dalla pagina della prenotazione. Puoi chiederci gratis una copia su carta. Puoi anche chiedere di firmare su carta in clinica."
    }
  ],
  "questions": [
    {
      "key": "q1",
      "prompt": "Come sarà molto probabilmente la tua pelle il giorno del trattamento?",
      "options": [
        "Rosa per circa un’ora, poi come prima",
        "Rossa, come dopo una leggera scottatura, forse con piccoli puntini di sangue",
        "Rossa, con tanti piccoli lividi che durano circa due settimane"
      ],
      "answer": 1,
      "sectionKey": "what_to_expect"
    },
    {
      "key": "q2",
      "prompt": "Al giorno 5 si formano piccole croste sulla pelle trattata. Cosa devi fare?",
      "options": [
        "Ammorbidirle con una crema ricca, poi toglierle",
        "Strofinarle piano con un panno umido, quando sembrano staccarsi",
        "Non toccarle: cadono da sole"
      ],
      "answer": 2,
      "sectionKey": "what_to_expect"
    },
    {
      "key": "q3",
      "prompt": "Cosa devi fare con il sole dopo il trattamento?",
      "options": [
        "Stare lontano dal sole forte per 3 giorni, poi mettere SPF 50 ogni giorno per 2 settimane",
        "Mettere la crema solare solo nei giorni di sole, per circa una settimana",
        "Prendere un po’ di sole per aiutare la pelle a guarire, ma senza scottarti"
      ],
      "answer": 0,
      "sectionKey": "aftercare"
    },
    {
      "key": "q4",
      "prompt": "Al giorno 4 la pelle è più rossa, calda e dolente, e vedi del pus. Cosa devi fare?",
      "options": [
        "Continuare con la crema lenitiva e aspettare la prossima visita",
        "Lavare la pelle con un detergente delicato e guardarla di nuovo fra 3 giorni",
        "Chiamare la clinica lo stesso giorno"
      ],
      "answer": 2,
      "sectionKey": "when_to_call"
    },
    {
      "key": "q5",
      "prompt": "Qualche settimana dopo, una zona della pelle trattata è più scura del resto. Cosa è meglio fare?",
      "options": [
        "Niente: fa parte della normale guarigione e va sempre via",
        "Dirlo alla clinica, così possiamo controllare",
        "Metterci sopra una crema schiarente comprata in negozio"
      ],
      "answer": 1,
      "sectionKey": "when_to_call"
    }
  ]
}',
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
);
--> statement-breakpoint
INSERT INTO consent_version_texts
  (document_version_id, locale, content, created_at, updated_at)
VALUES (
  'f2b5d8e3-4c6a-4f79-8b1d-3e5a7c9b2d06',
  'it',
  '{
  "title": "Consenso per il needling estetico",
  "sections": [
    {
      "key": "procedure",
      "title": "Cosa facciamo e perché",
      "body": "Il needling estetico è un trattamento di bellezza. Lo fa un esperto della cura della pelle. Una penna con aghi puliti e molto corti, lunghi 0,5 mm o meno, tocca lo strato più esterno della pelle. Usiamo aghi nuovi per ogni persona e poi li buttiamo.\n\nGli aghi aprono piccoli canali nello strato più esterno della pelle. Così i sieri che mettiamo sulla pelle entrano meglio. Questo trattamento non va così a fondo da fare nuovo collagene. Se vuoi questo, chiedici del microneedling medico.\n\nTrattiamo solo pelle integra e sana. Non usiamo mai gli aghi su una ferita, un’infezione, l’acne attiva o la pelle irritata.\n\nSe qualcosa non è chiaro, chiedici prima di firmare. Puoi chiamare {{clinic_name}} al {{clinic_phone}}."
    },
    {
      "key": "what_to_expect",
      "title": "Cosa aspettarti, giorno per giorno",
      "body": "Giorno per giorno:\n- Giorno 0: Il giorno del trattamento. La pelle è rosa, calda e tesa. Non deve uscire sangue.\n- Dal giorno 1 al giorno 3: Il rosa va via. Spesso il rosa va via in poche ore. Al massimo dura 2 o 3 giorni. La pelle può essere secca o spellarsi un poco. Non devono formarsi croste.\n- Dal giorno 4: Pelle fresca. Per alcune settimane la pelle è più liscia e luminosa.\n\nDi solito servono 4 sedute, a 2 settimane l’una dall’altra. Dopo, da 2 a 3 sedute all’anno aiutano a mantenere i risultati. I risultati non sono uguali per tutti. Non possiamo promettere un risultato."
    },
    {
      "key": "risks",
      "title": "Rischi",
      "body": "Problemi comuni. Sono lievi e passano in poche ore, o al massimo in 2 o 3 giorni:\n- pelle rosa, calda e tesa\n- pelle secca, o qualche pellicina\n- prurito o pizzicore\n\nProblemi rari. Possono essere gravi:\n- un’infezione della pelle\n- l’herpes sul labbro, se lo hai già avuto\n- zone di pelle che diventano più scure o più chiare. Succede più spesso con la pelle scura, o se vai al sole.\n- un’allergia a un siero o al metallo degli aghi. Può iniziare giorni o settimane dopo.\n- piccoli noduli duri sotto la pelle, che possono durare mesi\n- il risultato non è quello che speravi\n\nPrima del trattamento, dicci i tuoi problemi di salute e le medicine e i prodotti per la pelle che usi. Così il rischio è più basso."
    },
    {
      "key": "alternatives",
      "title": "Altre scelte, anche non fare niente",
      "body": "Non devi per forza fare questo trattamento. Puoi scegliere di non fare niente. La tua pelle non avrà danni se aspetti o dici di no.\n\nAltre scelte sono le creme date da un medico, i peeling chimici, il laser o i filler. Il nostro needling medico va più a fondo e può aiutare la pelle a fare nuovo collagene. Ognuna ha i suoi rischi e i suoi costi. Chiedici di queste scelte prima di decidere. Puoi anche prenotare prima un colloquio con noi, senza aghi."
    },
    {
      "key": "aftercare",
      "title": "Come curare la pelle",
      "body": "- Il primo giorno non truccarti. Lava la pelle solo con acqua tiepida. Dopo, usa un detergente delicato.\n- Metti la crema lenitiva che ti diamo per 1 o 2 giorni. Non usare altre creme, se non te lo diciamo noi.\n- Per 2 giorni non usare retinolo, acidi (AHA o BHA), sieri alla vitamina C o scrub.\n- Per 1 giorno niente sport pesante, piscina, sauna o bagno turco.\n- Non staccare e non grattare le pellicine. Può restare un segno.\n\nIl sole:\n- Per 3 giorni stai lontano dal sole forte.\n- Dal secondo giorno metti ogni giorno la crema solare SPF 50, per 2 settimane, anche se è nuvoloso.\n\nVieni alla prossima seduta, come previsto."
    },
    {
      "key": "when_to_call",
      "title": "Quando chiamarci",
      "body": "Chiamaci al {{clinic_phone}} lo stesso giorno se:\n- Dopo il giorno 2 rossore, calore, gonfiore o dolore non calano, ma crescono.\n- Vedi del pus o delle croste gialle, oppure hai la febbre o non ti senti bene.\n- Hai molto più rossore, lividi, gonfiore o sangue di quanto ti abbiamo detto.\n- Ti viene l’herpes sul labbro.\n- Rossore, gonfiore o pelle che si spella durano più di 7 giorni circa.\n- Vedi nuovi puntini rossi che prudono, o piccoli noduli che fanno male. Anche dopo settimane.\n- Una zona della pelle diventa più scura o più chiara.\n- Hai croste o sangue: dopo questo trattamento non devono esserci.\n\nSe non riesci a parlare con noi e ti sembra grave, vai da un medico o al pronto soccorso."
    },
    {
      "key": "photos",
      "title": "Foto",
      "body": "Per ora non facciamo foto della tua pelle. Per questo non ti promettiamo foto di prima e dopo.\n\nSe un giorno inizieremo a farle, le faremo solo se spunti qui sotto la casella per le foto. Useremo una tua foto per altro, per esempio sul nostro sito, solo se spunti anche l’altra casella. Se dici di no, le tue cure non cambiano. Puoi cambiare idea quando vuoi."
    },
    {
      "key": "cancellation",
      "title": "Se devi annullare",
      "body": "Puoi annullare o spostare la visita dalla pagina della prenotazione fino a {{cancellation_hours}} ore prima dell’inizio. Dopo, chiamaci al {{clinic_phone}}. Se non puoi venire, dillo appena puoi: così diamo l’orario a un’altra persona."
    },
    {
      "key": "withdrawal",
      "title": "Puoi cambiare idea",
      "body": "Puoi cambiare idea quando vuoi, anche il giorno stesso. Non devi dare un motivo. Per ritirare questo consenso, usa la pagina della prenotazione, o dillo a noi di persona.\n\nSe lo ritiri, non ti trattiamo finché non firmi di nuovo. Le cure che hai già avuto non cambiano."
    },
    {
      "key": "e_signature",
      "title": "Firma online e copia su carta",
      "body": "Firmi questo modulo online. Il nome che scrivi vale come firma. Vale anche la firma che disegni, se la aggiungi. Se firmi, accetti di firmare in questo modo.\n\nTeniamo una copia del modulo che hai firmato, con l’ora della firma. Puoi scaricarla quando vuoi dalla pagina della prenotazione. Puoi chiederci gratis una copia su carta. Puoi anche chiedere di firmare su carta in clinica."
    }
  ],
  "questions": [
    {
      "key": "q1",
      "prompt": "Come sarà molto probabilmente la tua pelle il giorno del trattamento?",
      "options": [
        "Rossa, come dopo una leggera scottatura, con piccoli puntini di sangue",
        "Rosa, calda e tesa, senza sangue",
        "Secca e con pellicine, con piccole croste"
      ],
      "answer": 1,
      "sectionKey": "what_to_expect"
    },
    {
      "key": "q2",
      "prompt": "Due giorni dopo il trattamento vedi piccole croste sulla pelle. Cosa è vero?",
      "options": [
        "Dopo questo trattamento non devono esserci croste: non toccarle e chiamaci",
        "Le croste sono normali per circa una settimana: non serve dirlo a nessuno",
        "Toglierle piano con un panno umido, poi usare la crema lenitiva"
      ],
      "answer": 0,
      "sectionKey": "when_to_call"
    },
    {
      "key": "q3",
      "prompt": "Cosa devi fare con il sole dopo il trattamento?",
      "options": [
        "Stare lontano dal sole forte per 3 giorni, poi mettere SPF 50 ogni giorno per 2 settimane",
        "Mettere la crema solare solo nei giorni di sole, per circa una settimana",
        "Prendere un po’ di sole per aiutare la pelle a guarire, ma senza scottarti"
      ],
      "answer": 0,
      "sectionKey": "aftercare"
    },
    {
      "key": "q4",
      "prompt": "Al giorno 4 la pelle è più rossa, calda e dolente, e vedi del pus. Cosa devi fare?",
      "options": [
        "Continuare con la crema lenitiva e aspettare la prossima visita",
        "Lavare la pelle con un detergente delicato e guardarla di nuovo fra 3 giorni",
        "Chiamare la clinica lo stesso giorno"
      ],
      "answer": 2,
      "sectionKey": "when_to_call"
    },
    {
      "key": "q5",
      "prompt": "Qualche settimana dopo, una zona della pelle trattata è più scura del resto. Cosa è meglio fare?",
      "options": [
        "Niente: fa parte della normale guarigione e va sempre via",
        "Dirlo alla clinica, così possiamo controllare",
        "Metterci sopra una crema schiarente comprata in negozio"
      ],
      "answer": 1,
      "sectionKey": "when_to_call"
    }
  ]
}',
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
);
--> statement-breakpoint
-- The text of a published version, in any language, never changes and is never removed or added
-- to: a new language, like any change, is a new version. A draft's texts may change freely.
CREATE TRIGGER consent_version_texts_published_no_insert BEFORE INSERT ON consent_version_texts
WHEN (SELECT status FROM consent_document_versions WHERE id = NEW.document_version_id) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published consent version is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER consent_version_texts_published_no_update BEFORE UPDATE ON consent_version_texts
WHEN (SELECT status FROM consent_document_versions WHERE id = OLD.document_version_id) = 'published'
  OR (SELECT status FROM consent_document_versions WHERE id = NEW.document_version_id) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published consent version is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER consent_version_texts_published_no_delete BEFORE DELETE ON consent_version_texts
WHEN (SELECT status FROM consent_document_versions WHERE id = OLD.document_version_id) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published consent version is immutable');
END;
