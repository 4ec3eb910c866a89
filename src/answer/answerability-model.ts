import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by `npm run calibrate` (src/eval/calibrate.ts); do not edit by hand.
 * Fitted on 1584 questions: seed answerable 235, seed unanswerable 61, korquad answerable 295, korquad other article 295, korquad look-alike 60, squad answerable 289, squad other article 289, squad look-alike 60.
 * Seed sets: questions.ko.json, questions.en.json, fresh.ko.json, fresh.en.json (the held-out sets are never used here).
 * Accuracy per group at the threshold: seed answerable 92.3%, seed unanswerable 32.8%, korquad answerable 95.3%, korquad other article 100.0%, korquad look-alike 43.3%, squad answerable 92.4%, squad other article 97.9%, squad look-alike 30.0%.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.263,
  weights: {
    support: 1.404,
    similarity: 0.996,
    nameMissing: -0.291,
    unknownName: -0.108,
    shapeMissing: -2.348,
    missingFocus: -1.021,
    unseenShare: -3.197
  },
  threshold: 0.21
};
