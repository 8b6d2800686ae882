/** Deterministic French-looking prose for the similarity tests and benchmarks. */

const WORDS =
  `le la les un une des du de et à en pour par avec sans sur sous dans entre vers chez projet équipe entreprise
  client serveur réseau sécurité données application développement déploiement infrastructure virtualisation cloud
  conteneur service utilisateur besoin analyse conception architecture solution outil méthode agile sprint réunion
  tuteur mission stage alternance compétence objectif résultat mesure indicateur qualité test intégration continue
  migration sauvegarde supervision incident ticket documentation formation budget planning risque fournisseur
  contrat licence logiciel matériel poste annuaire messagerie pare-feu routeur commutateur base requête interface
  mise place suivi choix étude comparaison critère coût délai performance disponibilité fiabilité évolution
  était avons ont a fait permis mené réalisé proposé choisi validé présenté rédigé installé configuré testé
  nouvelle ancienne principale première dernière grande petite importante nécessaire possible technique fonctionnel
  ainsi donc puis ensuite enfin également notamment cependant toutefois afin lors selon depuis pendant après avant`
    .split(/\s+/)
    .filter(Boolean);

/** A seeded pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `words` words of prose in sentences, the same for the same seed. */
export function prose(seed: number, words: number): string {
  const next = random(seed);
  const out: string[] = [];
  let sentence = 0;
  for (let i = 0; i < words; i++) {
    let word = WORDS[Math.floor(next() * WORDS.length)] ?? 'projet';
    if (sentence === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    sentence++;
    if (sentence > 8 && next() < 0.12) {
      word += next() < 0.2 ? '.\n' : '.';
      sentence = 0;
    }
    out.push(word);
  }
  return `${out.join(' ').replace(/\n /g, '\n')}.`;
}
