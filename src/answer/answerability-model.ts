import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by `npm run calibrate` (src/eval/calibrate.ts); do not edit by hand.
 * Fitted on 1584 questions: seed answerable 235, seed unanswerable 61, korquad answerable 295, korquad other article 295, korquad look-alike 60, squad answerable 289, squad other article 289, squad look-alike 60.
 * Seed sets: questions.ko.json, questions.en.json, fresh.ko.json, fresh.en.json (the held-out sets are never used here).
 * Accuracy per group at the threshold: seed answerable 96.2%, seed unanswerable 55.7%, korquad answerable 93.6%, korquad other article 98.6%, korquad look-alike 40.0%, squad answerable 92.4%, squad other article 98.6%, squad look-alike 30.0%.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.154,
  weights: {
    support: 1.494,
    similarity: 1.147,
    nameMissing: -0.214,
    unknownName: -0.187,
    shapeMissing: -2.905,
    missingFocus: -1.008,
    unseenShare: -2.727,
    noMatch: -1.566
  },
  threshold: 0.23
};
