-- The second published consent form of each tier (issue 14; docs/decisions/033-clinical-content-per-tier.md).
-- Written from the tier content in app/domain/clinical-content/ by scripts/print-consent-versions.ts:
-- the healing course (no overlapping days; the cosmetic tier its own, shorter one), aftercare, sun,
-- when to call (fever included), the course plan, the intact-skin rule, medical against cosmetic
-- needling and home rollers, and no promise of photos. A test checks that these rows equal what the
-- tier content writes. New versions only: version 1 (0007) stays as it was signed. Each takes effect
-- from the date of version 1, so every session (booked or not) needs a signature on version 2.
INSERT INTO consent_document_versions
  (id, document_id, version_number, status, content, created_at, created_by_user_id, updated_at,
   published_at, published_by_user_id, effective_from)
VALUES (
  'e1a4c7d2-3b5f-4e68-9a0c-2d4f6b8a1c05',
  '3d0f6a52-8e1b-4c57-9a1e-6b2d4f7c8a01',
  2,
  'published',
  '{
  "title": "Consent for medical microneedling",
  "sections": [
    {
      "key": "procedure",
      "title": "What we do and why",
      "body": "Medical microneedling is a skin treatment. A pen with very fine, clean needles makes many tiny holes in your skin. We use new needles for each person and throw them away after.\n\nYour skin heals these tiny wounds. While it heals, it makes new collagen. Collagen keeps skin firm and smooth. This can help with fine lines, scars from acne, dark marks and stretch marks.\n\nHow it differs from other needling:\n- Medical needling goes 1 to 1.5 mm deep, or deeper for scars. Only a doctor, or a nurse who works with a doctor, does it. It aims to make your skin build new collagen.\n- Cosmetic needling is not the same. Its needles are 0.5 mm long or less. They only reach the top layer of skin.\n- Home rollers are not the same either. Their needles are blunt and short. They cannot do what this treatment does.\n\nWe only treat skin that is whole and healthy. We never needle over a wound, an infection, active acne or irritated skin.\n\nWe may put a numbing cream on your skin first.\n\nIf anything is not clear, ask us before you sign. You can call {{clinic_name}} on {{clinic_phone}}."
    },
    {
      "key": "what_to_expect",
      "title": "What to expect, day by day",
      "body": "Day by day:\n- Day 0: Treatment day. Your skin is red, like a mild sunburn. It may feel warm, tight and a bit sore. Tiny spots of blood are normal.\n- Days 1 to 3: Redness fades. The redness and swelling go down. Most of it is gone by day 3. Your skin may feel tight and dry.\n- Days 4 to 6: Flakes and small crusts. Your skin may flake or peel, and small crusts may form. Leave them alone: they fall off by themselves.\n- Days 7 to 10: Healed. The last redness, crusts or bruises go. Most skin has healed by now.\n- From day 11: New collagen. Your skin keeps making new collagen. Results show slowly, over weeks to months. We judge them 3 months after your last session.\n\nMost people have a course of 3 to 6 sessions, 4 weeks apart. After that, 2 to 3 sessions a year help keep the results. Results are not the same for everyone. We cannot promise a result."
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
      "body": "- For the first day, do not wear make-up. Wash the skin with lukewarm water only. After that, use a gentle cleanser.\n- Put on the soothing cream we give you every day for 7 to 10 days. Do not use other creams unless we say so.\n- For 7 days, do not use retinol, acids (AHA or BHA), vitamin C serums or scrubs.\n- For 3 days, do not do hard exercise, swim, or use a sauna or steam room.\n- Do not pick or scratch flakes or crusts. Picking can leave a scar.\n\nThe sun:\n- Keep out of strong sun for 3 days.\n- From the second day, wear sunscreen SPF 50 every day for 2 weeks, even when it is cloudy.\n\nCome to your next session as planned."
    },
    {
      "key": "when_to_call",
      "title": "When to call us",
      "body": "Call us on {{clinic_phone}} the same day if:\n- The redness, warmth, swelling or pain gets worse after day 2, not better.\n- You see pus or yellow crusts, or you have a fever or feel unwell.\n- You have much more redness, bruising, swelling or bleeding than we said to expect.\n- You get a cold sore.\n- Redness, swelling or peeling lasts more than about 7 days.\n- New itchy red bumps or tender lumps appear, even weeks later.\n- A patch of your skin gets darker or lighter.\n\nIf you cannot reach us and it feels serious, see a doctor or go to an emergency room."
    },
    {
      "key": "photos",
      "title": "Photos",
      "body": "We do not take photos of your skin at this time, so we make no promise of before and after photos.\n\nIf we start to take them, we will only do so if you tick the box for it below. We would only use a photo of you for anything else, such as our website, if you tick that separate box too. Saying no never changes your care. You can change your mind at any time."
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
        "Pink for an hour or so, then the same as before",
        "Red, like a mild sunburn, maybe with tiny spots of blood",
        "Red, with many small bruises that last about two weeks"
      ],
      "answer": 1,
      "sectionKey": "what_to_expect"
    },
    {
      "key": "q2",
      "prompt": "On day 5, small crusts form on the treated skin. What should you do?",
      "options": [
        "Soften them with a rich cream, then wipe them away",
        "Gently rub them off with a damp cloth once they feel loose",
        "Leave them alone: they fall off by themselves"
      ],
      "answer": 2,
      "sectionKey": "what_to_expect"
    },
    {
      "key": "q3",
      "prompt": "What should you do about the sun after the treatment?",
      "options": [
        "Keep out of strong sun for 3 days, then wear SPF 50 every day for 2 weeks",
        "Wear sunscreen on sunny days only, for about a week",
        "Get a little sun to help the skin heal, but do not let it burn"
      ],
      "answer": 0,
      "sectionKey": "aftercare"
    },
    {
      "key": "q4",
      "prompt": "On day 4 the skin gets more red, warm and sore, and you see some pus. What should you do?",
      "options": [
        "Keep using the soothing cream and wait for your next visit",
        "Wash it with a gentle cleanser and check again in 3 days",
        "Call the clinic the same day"
      ],
      "answer": 2,
      "sectionKey": "when_to_call"
    },
    {
      "key": "q5",
      "prompt": "Some weeks later, a patch of the treated skin looks darker than the rest. What is best?",
      "options": [
        "Nothing: it is part of normal healing and always fades",
        "Tell the clinic, so we can check it",
        "Put a lightening cream from the shop on it"
      ],
      "answer": 1,
      "sectionKey": "when_to_call"
    }
  ]
}',
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  NULL,
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  NULL,
  (SELECT effective_from FROM consent_document_versions WHERE id = '7b4e2c19-5d3a-4f86-8c20-1e9a6d5b3f02')
);
--> statement-breakpoint
INSERT INTO consent_document_versions
  (id, document_id, version_number, status, content, created_at, created_by_user_id, updated_at,
   published_at, published_by_user_id, effective_from)
VALUES (
  'f2b5d8e3-4c6a-4f79-8b1d-3e5a7c9b2d06',
  '9a6c1e47-2b8d-4e35-b1f4-3c7e5a9d2b03',
  2,
  'published',
  '{
  "title": "Consent for cosmetic skin needling",
  "sections": [
    {
      "key": "procedure",
      "title": "What we do and why",
      "body": "Cosmetic skin needling is a beauty treatment. A trained skin care expert does it. A pen with very short, clean needles, 0.5 mm long or less, touches the top layer of your skin. We use new needles for each person and throw them away after.\n\nThe needles open tiny channels in the top layer of skin. These help the serums we put on your skin to soak in. This treatment does not go deep enough to make new collagen. If you want that, ask us about medical microneedling.\n\nWe only treat skin that is whole and healthy. We never needle over a wound, an infection, active acne or irritated skin.\n\nIf anything is not clear, ask us before you sign. You can call {{clinic_name}} on {{clinic_phone}}."
    },
    {
      "key": "what_to_expect",
      "title": "What to expect, day by day",
      "body": "Day by day:\n- Day 0: Treatment day. Your skin is pink, warm and tight. Bleeding is not expected.\n- Days 1 to 3: Pinkness fades. The pinkness often goes within hours. At most it lasts 2 to 3 days. Your skin may feel dry or flake a little. Crusts are not expected.\n- From day 4: Fresh skin. Your skin looks smoother and brighter for some weeks.\n\nMost people have a course of 4 sessions, 2 weeks apart. After that, 2 to 3 sessions a year help keep the results. Results are not the same for everyone. We cannot promise a result."
    },
    {
      "key": "risks",
      "title": "Risks",
      "body": "Common problems. They are mild and pass in hours, or at most 2 to 3 days:\n- pink skin, warmth and tightness\n- dry skin, or a little flaking\n- itching or stinging\n\nRare problems. They can be serious:\n- an infection of the skin\n- a cold sore, if you have had cold sores before\n- patches of skin that turn darker or lighter. This is more likely with darker skin, or if you go in the sun.\n- an allergy to a serum or to the metal of the needles. It can start days or weeks later.\n- small, firm lumps under the skin that can last for months\n- the result is not what you hoped for\n\nTell us before the treatment about any health problems, medicines and skin products you use. This lowers your risk."
    },
    {
      "key": "alternatives",
      "title": "Other choices, and doing nothing",
      "body": "You do not have to have this treatment. You can choose to do nothing. Your skin will not be harmed if you wait or say no.\n\nOther choices may be creams from a doctor, chemical peels, laser treatment or fillers. Our medical needling goes deeper and can help the skin make new collagen. Each one has its own risks and costs. Ask us about them before you decide. You can also book a talk with us first, with no needles."
    },
    {
      "key": "aftercare",
      "title": "Looking after your skin",
      "body": "- For the first day, do not wear make-up. Wash the skin with lukewarm water only. After that, use a gentle cleanser.\n- Put on the soothing cream we give you for 1 to 2 days. Do not use other creams unless we say so.\n- For 2 days, do not use retinol, acids (AHA or BHA), vitamin C serums or scrubs.\n- For 1 day, do not do hard exercise, swim, or use a sauna or steam room.\n- Do not pick or scratch flakes. Picking can leave a mark.\n\nThe sun:\n- Keep out of strong sun for 3 days.\n- From the second day, wear sunscreen SPF 50 every day for 2 weeks, even when it is cloudy.\n\nCome to your next session as planned."
    },
    {
      "key": "when_to_call",
      "title": "When to call us",
      "body": "Call us on {{clinic_phone}} the same day if:\n- The redness, warmth, swelling or pain gets worse after day 2, not better.\n- You see pus or yellow crusts, or you have a fever or feel unwell.\n- You have much more redness, bruising, swelling or bleeding than we said to expect.\n- You get a cold sore.\n- Redness, swelling or peeling lasts more than about 7 days.\n- New itchy red bumps or tender lumps appear, even weeks later.\n- A patch of your skin gets darker or lighter.\n- You get crusts or bleeding: they are not expected after this treatment.\n\nIf you cannot reach us and it feels serious, see a doctor or go to an emergency room."
    },
    {
      "key": "photos",
      "title": "Photos",
      "body": "We do not take photos of your skin at this time, so we make no promise of before and after photos.\n\nIf we start to take them, we will only do so if you tick the box for it below. We would only use a photo of you for anything else, such as our website, if you tick that separate box too. Saying no never changes your care. You can change your mind at any time."
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
        "Red, like a mild sunburn, with tiny spots of blood",
        "Pink, warm and tight, with no bleeding",
        "Dry and flaky, with small crusts"
      ],
      "answer": 1,
      "sectionKey": "what_to_expect"
    },
    {
      "key": "q2",
      "prompt": "Two days after the treatment, you see small crusts on the skin. What is true?",
      "options": [
        "Crusts are not expected after this treatment: leave them alone and call us",
        "Crusts are normal for about a week: no need to tell anyone",
        "Rub them off gently with a damp cloth, then use the soothing cream"
      ],
      "answer": 0,
      "sectionKey": "when_to_call"
    },
    {
      "key": "q3",
      "prompt": "What should you do about the sun after the treatment?",
      "options": [
        "Keep out of strong sun for 3 days, then wear SPF 50 every day for 2 weeks",
        "Wear sunscreen on sunny days only, for about a week",
        "Get a little sun to help the skin heal, but do not let it burn"
      ],
      "answer": 0,
      "sectionKey": "aftercare"
    },
    {
      "key": "q4",
      "prompt": "On day 4 the skin gets more red, warm and sore, and you see some pus. What should you do?",
      "options": [
        "Keep using the soothing cream and wait for your next visit",
        "Wash it with a gentle cleanser and check again in 3 days",
        "Call the clinic the same day"
      ],
      "answer": 2,
      "sectionKey": "when_to_call"
    },
    {
      "key": "q5",
      "prompt": "Some weeks later, a patch of the treated skin looks darker than the rest. What is best?",
      "options": [
        "Nothing: it is part of normal healing and always fades",
        "Tell the clinic, so we can check it",
        "Put a lightening cream from the shop on it"
      ],
      "answer": 1,
      "sectionKey": "when_to_call"
    }
  ]
}',
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  NULL,
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  NULL,
  (SELECT effective_from FROM consent_document_versions WHERE id = 'c2e85b3d-7f14-4a69-9d0b-4f1a8c6e7d04')
);
