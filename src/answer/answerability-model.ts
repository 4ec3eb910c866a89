import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by `npm run calibrate` (src/eval/calibrate.ts); do not edit by hand.
 * Fitted on 1584 questions: seed answerable 235, seed unanswerable 61, korquad answerable 295, korquad other article 295, korquad look-alike 60, squad answerable 289, squad other article 289, squad look-alike 60.
 * Seed sets: questions.ko.json, questions.en.json, fresh.ko.json, fresh.en.json (the held-out sets are never used here).
 * Accuracy per group at the threshold: seed answerable 96.6%, seed unanswerable 54.1%, korquad answerable 94.2%, korquad other article 98.6%, korquad look-alike 40.0%, squad answerable 92.4%, squad other article 98.6%, squad look-alike 28.3%.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.144,
  weights: {
    support: 1.476,
    similarity: 1.2,
    nameMissing: -0.208,
    unknownName: -0.174,
    shapeMissing: -2.893,
    missingFocus: -1.029,
    unseenShare: -2.74,
    noMatch: -1.559
  },
  threshold: 0.22
};
