-- The first published consent form of each tier: reference data, so every installation has it.
-- Written in plain words at reading grade 8 or lower (app/domain/consent/consent-documents.server.test.ts
-- checks it). {{clinic_name}}, {{clinic_phone}} and {{cancellation_hours}} are filled from the clinic
-- settings when a patient reads the form, and stored with each signature. Self-contained: it only
-- inserts rows, with fixed ids, dated at the moment the migration runs.
INSERT INTO consent_documents (id, tier, created_at)
VALUES ('3d0f6a52-8e1b-4c57-9a1e-6b2d4f7c8a01', 'medical', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
--> statement-breakpoint
INSERT INTO consent_document_versions
  (id, document_id, version_number, status, content, created_at, created_by_user_id, updated_at,
   published_at, published_by_user_id, effective_from)
VALUES (
  '7b4e2c19-5d3a-4f86-8c20-1e9a6d5b3f02',
  '3d0f6a52-8e1b-4c57-9a1e-6b2d4f7c8a01',
  1,
  'published',
  '{
  "title": "Consent for medical microneedling",
  "sections": [
    {
      "key": "procedure",
      "title": "What we do and why",
      "body": "Medical microneedling is a skin treatment. A doctor does it, or a nurse who works with a doctor. A pen with very fine, clean needles makes many tiny holes in your skin. The needles go about 1 to 1.5 mm deep, and sometimes deeper for scars. We use new needles for each person and throw them away after.\n\nYour skin heals these tiny wounds. While it heals, it makes new collagen. Collagen keeps skin firm and smooth. This can help with fine lines, scars from acne, dark marks and stretch marks.\n\nWe may put a numbing cream on your skin first. The needling takes about 30 to 60 minutes.\n\nIf anything is not clear, ask us before you sign. You can call {{clinic_name}} on {{clinic_phone}}."
    },
    {
      "key": "what_to_expect",
      "title": "What to expect, day by day",
      "body": "- On the day: your skin will be red, like a mild sunburn. It may feel warm, tight and a bit sore. You may see tiny spots of blood. This is normal.\n- Days 1 to 3: the redness and swelling go down. Your skin may feel tight and dry.\n- Days 2 to 5: your skin may be dry, and it may flake or peel. Small crusts may form. Leave them alone. They fall off by themselves and show new, smooth skin.\n- Days 7 to 10: most skin has healed by now. Put on the soothing cream we give you every day until then.\n- The weeks after: your skin keeps on making new collagen. You see the results slowly, over weeks to months.\n\nMost people need a course of 3 to 6 sessions, about 4 weeks apart. After that, 2 to 3 sessions a year help keep the results. Results are not the same for everyone. We cannot promise a result."
    },
    {
      "key": "risks",
      "title": "Risks",
      "body": "Common problems. They are mild and pass in a few days:\n- redness, swelling and soreness\n- dry skin, flakes and small crusts\n- tiny spots of blood, or a small bruise\n- itching, stinging or a burning feeling\n- tiny white spots, or a few spots like acne\n\nRare problems. They can be serious:\n- an infection of the skin\n- a cold sore, if you have had cold sores before\n- patches of skin that turn darker or lighter. This is more likely with darker skin, or if you go in the sun.\n- an allergy to a cream or to the metal of the needles. It can start days or weeks later.\n- small, firm lumps under the skin that can last for months\n- scars, such as thin lines in the skin\n- a bad reaction to the numbing cream\n- the result is not what you hoped for\n\nTell us before the treatment about any health problems, medicines and skin products you use. This lowers your risk."
    },
    {
      "key": "alternatives",
      "title": "Other choices, and doing nothing",
      "body": "You do not have to have this treatment. You can choose to do nothing. Your skin will not be harmed if you wait or say no.\n\nOther choices may be creams from a doctor, chemical peels, laser treatment or fillers. Each one has its own risks and costs. Ask us about them before you decide. You can also book a talk with us first, with no needles."
    },
    {
      "key": "aftercare",
      "title": "Looking after your skin",
      "body": "- For the first day, do not wear makeup. Wash the skin with cool or warm water only. After that, use a mild cleanser.\n- Put on the soothing cream we give you every day for 7 to 10 days. Do not use other creams unless we say so.\n- Keep out of the sun for 3 days. After the first day, use sunscreen of SPF 30 or more every day for 2 weeks.\n- For 5 to 7 days, do not use retinol, acids (AHA or BHA), vitamin C serums or scrubs.\n- For 3 days, do not do hard exercise, swim, or use a sauna or steam room.\n- Do not pick or scratch flakes or crusts. Picking can leave a scar.\n- Come to your next session as planned."
    },
    {
      "key": "when_to_call",
      "title": "When to call us",
      "body": "Call us on {{clinic_phone}} the same day if:\n- the redness, heat, swelling or pain gets worse, not better\n- you see pus or yellow crusts, or you feel unwell or have a fever\n- you bleed a lot, or you get a large bruise or swelling\n- you get a cold sore\n- your skin is still red, swollen or peeling after 7 days\n- you get new itchy red bumps or firm lumps, even weeks later\n- a patch of your skin gets darker\n\nIf you cannot reach us and it feels serious, see a doctor or go to an emergency room."
    },
    {
      "key": "photos",
      "title": "Photos",
      "body": "We take photos of the treated skin before and after each session. They help us plan your care and check your results. We keep them in your private record. You can say no to these photos.\n\nWe only use your photos for anything else, such as our website or social media, if you say yes to that below. This is a separate choice. Saying no does not change your care. You can change your mind at any time."
    },
    {
      "key": "cancellation",
      "title": "If you need to cancel",
      "body": "You can cancel or move your booking on your booking page until {{cancellation_hours}} hours before it starts. After that, please call us on {{clinic_phone}}. If you cannot come, please tell us as soon as you can, so someone else can have the time."
    },
    {
      "key": "withdrawal",
      "title": "You can change your mind",
      "body": "You can change your mind at any time, even on the day. You do not have to give a reason. To take back this consent, use your booking page, or tell us in person.\n\nIf you take it back, we will not treat you unless you sign again. It does not change the care you have had before."
    },
    {
      "key": "e_signature",
      "title": "Signing online, and a paper copy",
      "body": "You sign this form online. Your typed name counts as your signature. So does your drawn signature, if you add one. By signing, you agree to sign this way.\n\nWe keep a copy of the form you signed, with the time you signed it. You can download it from your booking page at any time. You can ask us for a paper copy for free. You can also ask to sign on paper at the clinic instead."
    }
  ],
  "questions": [
    {
      "key": "q1",
      "prompt": "How will your skin most likely look on the day of the treatment?",
      "options": [
        "The same as before",
        "Red, like a mild sunburn, maybe with tiny spots of blood",
        "Covered in large blisters"
      ],
      "answer": 1,
      "sectionKey": "what_to_expect"
    },
    {
      "key": "q2",
      "prompt": "On day 3, small crusts form on the treated skin. What should you do?",
      "options": [
        "Pick them off so the skin looks smooth",
        "Scrub them off with a face brush",
        "Leave them alone: they fall off by themselves"
      ],
      "answer": 2,
      "sectionKey": "aftercare"
    },
    {
      "key": "q3",
      "prompt": "What should you put on your skin in the first 7 to 10 days?",
      "options": [
        "The soothing cream we give you, and sunscreen after the first day",
        "A retinol or acid cream, to heal faster",
        "Nothing at all, and some sun to dry it out"
      ],
      "answer": 0,
      "sectionKey": "aftercare"
    },
    {
      "key": "q4",
      "prompt": "On day 4 the skin gets more red, hot and sore, and you see some pus. What should you do?",
      "options": [
        "Wait a week: this is normal",
        "Cover it with makeup",
        "Call the clinic the same day"
      ],
      "answer": 2,
      "sectionKey": "when_to_call"
    }
  ]
}',
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  NULL,
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  NULL,
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
);
--> statement-breakpoint
INSERT INTO consent_documents (id, tier, created_at)
VALUES ('9a6c1e47-2b8d-4e35-b1f4-3c7e5a9d2b03', 'cosmetic', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
--> statement-breakpoint
INSERT INTO consent_document_versions
  (id, document_id, version_number, status, content, created_at, created_by_user_id, updated_at,
   published_at, published_by_user_id, effective_from)
VALUES (
  'c2e85b3d-7f14-4a69-9d0b-4f1a8c6e7d04',
  '9a6c1e47-2b8d-4e35-b1f4-3c7e5a9d2b03',
  1,
  'published',
  '{
  "title": "Consent for cosmetic skin needling",
  "sections": [
    {
      "key": "procedure",
      "title": "What we do and why",
      "body": "Cosmetic skin needling is a beauty treatment. A trained skin care expert does it. A pen with very short, clean needles, no more than 0.5 mm long, touches the top layer of your skin. We use new needles for each person and throw them away after.\n\nThe needles open tiny channels in the top layer of skin. These help the serums and creams we put on your skin to soak in. This treatment does not go deep enough to make new collagen. If you want that, ask us about medical microneedling.\n\nThe needling takes about 30 minutes.\n\nIf anything is not clear, ask us before you sign. You can call {{clinic_name}} on {{clinic_phone}}."
    },
    {
      "key": "what_to_expect",
      "title": "What to expect, day by day",
      "body": "- On the day: your skin will be pink or red, like a mild sunburn. It may feel warm and tight. You may see a few tiny spots of blood. This is normal.\n- Days 1 to 3: the redness goes down. Your skin may feel tight and dry.\n- Days 2 to 5: your skin may be dry, and it may flake a little. A few small crusts may form. Leave them alone. They fall off by themselves and show new, smooth skin.\n- Days 7 to 10: your skin has healed by now. Put on the soothing cream we give you every day until then.\n- The weeks after: your skin looks fresh and feels soft. Results show slowly, over weeks to months.\n\nMost people have a course of 3 to 6 sessions, about 4 weeks apart. After that, 2 to 3 sessions a year help keep the results. Results are not the same for everyone. We cannot promise a result."
    },
    {
      "key": "risks",
      "title": "Risks",
      "body": "Common problems. They are mild and pass in a few days:\n- redness, swelling and soreness\n- dry skin, flakes and small crusts\n- tiny spots of blood, or a small bruise\n- itching, stinging or a burning feeling\n- tiny white spots, or a few spots like acne\n\nRare problems. They can be serious:\n- an infection of the skin\n- a cold sore, if you have had cold sores before\n- patches of skin that turn darker or lighter. This is more likely with darker skin, or if you go in the sun.\n- an allergy to a cream or to the metal of the needles. It can start days or weeks later.\n- small, firm lumps under the skin that can last for months\n- scars, such as thin lines in the skin\n- the result is not what you hoped for\n\nTell us before the treatment about any health problems, medicines and skin products you use. This lowers your risk."
    },
    {
      "key": "alternatives",
      "title": "Other choices, and doing nothing",
      "body": "You do not have to have this treatment. You can choose to do nothing. Your skin will not be harmed if you wait or say no.\n\nOther choices may be creams from a doctor, chemical peels, laser treatment or fillers. Our medical needling goes deeper and can help the skin make new collagen. Each one has its own risks and costs. Ask us about them before you decide. You can also book a talk with us first, with no needles."
    },
    {
      "key": "aftercare",
      "title": "Looking after your skin",
      "body": "- For the first day, do not wear makeup. Wash the skin with cool or warm water only. After that, use a mild cleanser.\n- Put on the soothing cream we give you every day for 7 to 10 days. Do not use other creams unless we say so.\n- Keep out of the sun for 3 days. After the first day, use sunscreen of SPF 30 or more every day for 2 weeks.\n- For 5 to 7 days, do not use retinol, acids (AHA or BHA), vitamin C serums or scrubs.\n- For 3 days, do not do hard exercise, swim, or use a sauna or steam room.\n- Do not pick or scratch flakes or crusts. Picking can leave a scar.\n- Come to your next session as planned."
    },
    {
      "key": "when_to_call",
      "title": "When to call us",
      "body": "Call us on {{clinic_phone}} the same day if:\n- the redness, heat, swelling or pain gets worse, not better\n- you see pus or yellow crusts, or you feel unwell or have a fever\n- you bleed a lot, or you get a large bruise or swelling\n- you get a cold sore\n- your skin is still red, swollen or peeling after 7 days\n- you get new itchy red bumps or firm lumps, even weeks later\n- a patch of your skin gets darker\n\nIf you cannot reach us and it feels serious, see a doctor or go to an emergency room."
    },
    {
      "key": "photos",
      "title": "Photos",
      "body": "We take photos of the treated skin before and after each session. They help us plan your care and check your results. We keep them in your private record. You can say no to these photos.\n\nWe only use your photos for anything else, such as our website or social media, if you say yes to that below. This is a separate choice. Saying no does not change your care. You can change your mind at any time."
    },
    {
      "key": "cancellation",
      "title": "If you need to cancel",
      "body": "You can cancel or move your booking on your booking page until {{cancellation_hours}} hours before it starts. After that, please call us on {{clinic_phone}}. If you cannot come, please tell us as soon as you can, so someone else can have the time."
    },
    {
      "key": "withdrawal",
      "title": "You can change your mind",
      "body": "You can change your mind at any time, even on the day. You do not have to give a reason. To take back this consent, use your booking page, or tell us in person.\n\nIf you take it back, we will not treat you unless you sign again. It does not change the care you have had before."
    },
    {
      "key": "e_signature",
      "title": "Signing online, and a paper copy",
      "body": "You sign this form online. Your typed name counts as your signature. So does your drawn signature, if you add one. By signing, you agree to sign this way.\n\nWe keep a copy of the form you signed, with the time you signed it. You can download it from your booking page at any time. You can ask us for a paper copy for free. You can also ask to sign on paper at the clinic instead."
    }
  ],
  "questions": [
    {
      "key": "q1",
      "prompt": "How will your skin most likely look on the day of the treatment?",
      "options": [
        "The same as before",
        "Red, like a mild sunburn, maybe with tiny spots of blood",
        "Covered in large blisters"
      ],
      "answer": 1,
      "sectionKey": "what_to_expect"
    },
    {
      "key": "q2",
      "prompt": "On day 3, small crusts form on the treated skin. What should you do?",
      "options": [
        "Pick them off so the skin looks smooth",
        "Scrub them off with a face brush",
        "Leave them alone: they fall off by themselves"
      ],
      "answer": 2,
      "sectionKey": "aftercare"
    },
    {
      "key": "q3",
      "prompt": "What should you put on your skin in the first 7 to 10 days?",
      "options": [
        "The soothing cream we give you, and sunscreen after the first day",
        "A retinol or acid cream, to heal faster",
        "Nothing at all, and some sun to dry it out"
      ],
      "answer": 0,
      "sectionKey": "aftercare"
    },
    {
      "key": "q4",
      "prompt": "On day 4 the skin gets more red, hot and sore, and you see some pus. What should you do?",
      "options": [
        "Wait a week: this is normal",
        "Cover it with makeup",
        "Call the clinic the same day"
      ],
      "answer": 2,
      "sectionKey": "when_to_call"
    }
  ]
}',
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  NULL,
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  NULL,
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
);
