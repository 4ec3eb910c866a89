import type { AnswerabilityModel } from './answerability.js';

/**
 * Fitted by `npm run calibrate` (src/eval/calibrate.ts); do not edit by hand.
 * Fitted on 1584 questions: seed answerable 235, seed unanswerable 61, korquad answerable 295, korquad other article 295, korquad look-alike 60, squad answerable 289, squad other article 289, squad look-alike 60.
 * Seed sets: questions.ko.json, questions.en.json, fresh.ko.json, fresh.en.json (the held-out sets are never used here).
 * Accuracy per group at the threshold: seed answerable 96.6%, seed unanswerable 50.8%, korquad answerable 93.9%, korquad other article 98.6%, korquad look-alike 38.3%, squad answerable 92.4%, squad other article 98.6%, squad look-alike 30.0%.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 0.121,
  weights: {
    support: 1.499,
    similarity: 1.158,
    nameMissing: -0.193,
    unknownName: -0.156,
    shapeMissing: -2.823,
    missingFocus: -1.132,
    unseenShare: -2.686,
    noMatch: -1.574
  },
  threshold: 0.22
};
