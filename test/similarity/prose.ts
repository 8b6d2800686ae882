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

/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32). Its 128-bit state keeps
 * the streams of different seeds apart; a 32-bit counter generator would make the generated
 * dossiers of a large corpus share long runs by accident.
 */
export function random(seed: number): () => number {
  let x = seed >>> 0;
  const split = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
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
