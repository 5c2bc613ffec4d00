// Issue 17 — un seul onglet actif par tablette.
const tabFr = {
  title: 'Chevet est ouvert dans un autre onglet',
  explain:
    'Un seul onglet peut utiliser Chevet sur cette tablette, pour que les saisies et la synchronisation restent cohérentes. Vous pouvez l’utiliser ici : l’autre onglet s’arrêtera (rien n’est perdu).',
  lost: 'Chevet est maintenant utilisé dans un autre onglet : cet onglet s’est arrêté, rien n’est perdu. Vous pouvez le reprendre ici.',
  useHere: 'Utiliser ici',
};
export default tabFr;
