// Messages of the clinical rules' results (src/domain): the readings and thresholds a screen shows beside a result,
// so that a decision of the trial team (issue 18) is visible where its result is.
export const clinicalFr = {
  infusionReaction: {
    whichApplies:
      'Réaction liée à la perfusion et réaction allergique sont toutes deux cochées : laquelle s’applique ?',
    rule: 'Règle du NCI (CTCAE v5.0) : une réaction due à la perfusion se déclare comme « réaction liée à la perfusion », sans déclarer aussi la réaction allergique. L’autre est enregistrée comme signe de la réaction retenue.',
    recordedAsSign: '« {{sign}} » enregistrée comme signe de « {{of}} »',
  },
  proteinuriaDoubling: {
    threshold: 'Seuil : > {{threshold}} g/24 h (protéinurie initiale : {{baseline}} g/24 h)',
    reading:
      'Protéinurie doublée : 2 × la valeur initiale, jamais moins de 1 g/24 h si elle était < 0,5 g/24 h, ni de 2 g/24 h si elle était > 1 g/24 h.',
  },
  steroidSparing: {
    period:
      'Moyenne des jours {{from}} à {{to}} (semaines 40 à 52 : relevé de M12, dose quotidienne moyenne depuis M9)',
    baseline: 'Dose à M0 : {{mg}} mg/j',
  },
  tolerance: {
    window: 'Fenêtre de tolérance : du début de la perfusion ({{from}}) à la fin du jour 10 ({{to}})',
  },
};
