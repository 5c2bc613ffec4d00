// Messages of the eligibility assessment (src/domain/eligibility): the reasons it gives, as keys with values.
export const eligibilityFr = {
  reason: {
    ageYears:
      '{{age}} ans à la date de l’évaluation ; critère I1 « âge > 18 ans et < 70 ans » lu comme un essai chez l’adulte : rempli du 18e anniversaire ({{atLeast}} ans) jusqu’à la veille du 70e ({{below}} ans).',
  },
};
