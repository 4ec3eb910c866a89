import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by `npm run calibrate` (src/eval/calibrate.ts); do not edit by hand.
 * Fitted on 1584 questions: seed answerable 235, seed unanswerable 61, korquad answerable 295, korquad other article 295, korquad look-alike 60, squad answerable 289, squad other article 289, squad look-alike 60.
 * Seed sets: questions.ko.json, questions.en.json, fresh.ko.json, fresh.en.json (the held-out sets are never used here).
 * Accuracy per group at the threshold: seed answerable 92.8%, seed unanswerable 31.1%, korquad answerable 93.2%, korquad other article 99.7%, korquad look-alike 45.0%, squad answerable 91.3%, squad other article 98.6%, squad look-alike 28.3%.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.196,
  weights: {
    support: 1.812,
    similarity: 1.124,
    nameMissing: -0.058,
    unknownName: -0.148,
    shapeMissing: -2.205,
    missingFocus: -1.139,
    unseenShare: -2.853
  },
  threshold: 0.22
};
