/**
 * Deterministic benchmark text: French and English prose with vendor names
 * and traps, the same bytes for the same seed and size on every machine.
 *
 * - About one vendor mention per 1,000 characters, taken from the real
 *   aliases: most unambiguous (counted), some ambiguous (left to the
 *   disambiguator, not counted).
 * - About one trap per 2,000 characters: words that look like vendor names
 *   but are not ("jus d’orange", "AWSome", "laws", "www.ovhcloud.com").
 * - French paragraphs bring accented letters, curly apostrophes and narrow
 *   no-break spaces, so the string is two-byte, as real pages are.
 *
 * Only unambiguous names inserted as whole words are counted: those are the
 * ones the engine must find whatever the disambiguator decides.
 */
import type { MatcherAlias } from '../../src/core/match/matcher.ts';

export interface Inserted {
	start: number;
	end: number;
	vendor: string;
}

export interface GeneratedText {
	text: string;
	/** Unambiguous mentions inserted: the engine must find at least these. */
	expected: number;
	/** Where each counted mention sits, in text order. */
	inserted: Inserted[];
	/** Ambiguous names inserted (not counted: context decides them). */
	ambiguous: number;
	traps: number;
}

/** xorshift32: tiny, fast and the same everywhere. Returns floats in [0, 1). */
export function xorshift(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state >>>= 0;
		state ^= state >>> 17;
		state ^= state << 5;
		state >>>= 0;
		return state / 0x1_0000_0000;
	};
}

// Vocabularies hold no word that is a vendor alias, even capitalised at the
// start of a sentence ("Teams", "Outlook", "Lambda" are left out on purpose).
const FRENCH = (
	'le la les un une des du de et ou mais donc car pour avec sans dans sur sous entre vers chez par ' +
	'nous vous ils elles cette ces son sa leurs notre plus moins très aussi déjà encore toujours jamais ' +
	'données hébergement serveur serveurs réseau sécurité souveraineté stockage contrat contrats marché ' +
	'marchés entreprise entreprises administration ministère collectivités hôpital hôpitaux santé ' +
	'régulation législation règlement européen européenne français française américain américaine ' +
	'numérique informatique logiciel logiciels plateforme services offre offres client clients ' +
	'fournisseur fournisseurs prestataire opérateur opérateurs centre centres calcul capacité capacités ' +
	'coût coûts prix facture dépenses économie économies équipe équipes projet projets étude études ' +
	'rapport rapports analyse question questions réponse décision décisions débat critique critiques ' +
	'après avant pendant depuis jusqu’à selon malgré grâce contre ' +
	'a été sera serait doit peut veut fait font dit disent annonce annoncé prévoit propose choisit ' +
	'migre migrer héberger exploiter garantir protéger réduire améliorer développer proposer signer ' +
	'l’État l’Union l’Europe l’entreprise l’hébergeur l’offre l’accès l’année l’équipe ' +
	'd’abord d’ailleurs d’après d’un d’une qu’il qu’elle qu’un ' +
	'année années mois semaine jour trimestre milliard milliards million millions euros ' +
	'région régions ville pays frontière frontières accès contrôle conformité certification qualification ' +
	'référentiel exigences cahier charges appel d’offres lot lots cloud public privé hybride souverain ' +
	'confiance sensible sensibles critiques stratégique stratégiques dépendance dépendances risque risques ' +
	'élève élu député sénat commission rapporteur juriste avocat juge tribunal loi lois décret circulaire ' +
	'été hiver printemps automne matin soir nuit rue maison école château forêt île côte mer montagne'
).split(' ');

const ENGLISH = (
	'the a an and or but so because for with without in on under between toward at by from ' +
	'we you they this these its their our more less very also already still always never ' +
	'data hosting server servers network security sovereignty storage contract contracts market ' +
	'markets company companies government ministry agencies hospital hospitals health regulation ' +
	'legislation rules european french american digital software platform services offer offers ' +
	'customer customers provider providers vendor operator operators center centers compute capacity ' +
	'cost costs price bill spending economy savings staff project projects study studies report ' +
	'reports analysis question questions answer decision decisions debate criticism critics ' +
	'after before during since until according despite thanks against ' +
	'has been will would must can wants makes says said announced plans proposes chooses moves ' +
	'migrate host run guarantee protect reduce improve develop sign deploy scale ' +
	'year years month week day quarter billion millions million dollars euros region regions city ' +
	'country border borders access control compliance certification audit framework requirements ' +
	'tender lot lots cloud public private hybrid sovereign trust sensitive critical strategic ' +
	'dependency dependencies risk risks lawmaker senate committee lawyer judge court law laws order ' +
	'summer winter spring autumn morning evening night street house school castle forest island coast'
).split(' ');

/** Look-alikes that must not become vendor mentions, or only by context. */
const TRAPS = [
	'une veste orange', 'an orange jacket', 'un jus d’orange pressé', 'un jus d\'orange', 'Orange juice', 'un ciel bleu',
	'cordon bleu', 'le drapeau bleu', 'the azure sea', 'la mer azure', 'the Amazon rainforest', 'la forêt amazonienne',
	'l’oracle de Delphes', 'the oracle of Delphi', 'l’Oracle de Delphes', 'AWSome', 'the laws', 'jaws', 'Amazons',
	'www.ovhcloud.com', 'docs.aws.amazon.com', 'lambda', 'teams', 'outlook', 'Bleu de Bresse',
];

interface Writer {
	parts: string[];
	length: number;
}

const write = (writer: Writer, piece: string): void => {
	writer.parts.push(piece);
	writer.length += piece.length;
};

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Spellings the alias's case rule allows, mostly as written: pages use the brand's own spelling. */
function spell(random: () => number, alias: MatcherAlias): string {
	const roll = random();
	if (alias.case === 'exact' || roll < 0.8) return alias.text;
	// "Any case" still starts with a capital (see src/core/match/pattern.ts): "Ovhcloud", "Amazon web services".
	if (alias.case === 'insensitive' && roll < 0.9) return capitalise(alias.text.toLowerCase());
	return alias.text.toUpperCase();
}

/** A flat copy of a string (JSON round trip: the engine builds a new sequential string). */
const flatCopy = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

export function generateText(chars: number, aliases: readonly MatcherAlias[], seed = 42): GeneratedText {
	const random = xorshift(seed);
	const clear = aliases.filter((alias) => !alias.ambiguous);
	const unclear = aliases.filter((alias) => alias.ambiguous);
	const writer: Writer = { parts: [], length: 0 };
	const inserted: Inserted[] = [];
	let ambiguous = 0;
	let traps = 0;
	let nextMention = 500 + random() * 1000;
	let nextTrap = 1000 + random() * 2000;

	/** One word slot inside a sentence: prose, or a mention or trap when one is due. */
	const slot = (vocabulary: readonly string[]): void => {
		write(writer, ' ');
		if (writer.length >= nextMention) {
			nextMention = writer.length + 500 + random() * 1000;
			if (unclear.length > 0 && random() < 0.2) {
				write(writer, spell(random, pick(random, unclear)));
				ambiguous++;
				return;
			}
			const alias = pick(random, clear);
			const start = writer.length;
			write(writer, spell(random, alias));
			inserted.push({ start, end: writer.length, vendor: alias.vendor });
			return;
		}
		if (writer.length >= nextTrap) {
			nextTrap = writer.length + 1000 + random() * 2000;
			write(writer, pick(random, TRAPS));
			traps++;
			return;
		}
		write(writer, pick(random, vocabulary));
	};

	const sentence = (french: boolean): void => {
		const vocabulary = french ? FRENCH : ENGLISH;
		write(writer, capitalise(pick(random, vocabulary)));
		const words = 7 + Math.floor(random() * 16);
		for (let index = 0; index < words; index++) {
			slot(vocabulary);
			if (random() < 0.06) write(writer, ',');
		}
		const end = random();
		// French typography puts a narrow no-break space before ? and !.
		if (end < 0.85) write(writer, '. ');
		else write(writer, french ? (end < 0.93 ? '\u202f? ' : '\u202f! ') : end < 0.93 ? '? ' : '! ');
	};

	while (writer.length < chars) {
		const french = random() < 0.5;
		const sentences = 2 + Math.floor(random() * 7);
		for (let index = 0; index < sentences; index++) sentence(french);
		write(writer, '\n\n');
	}

	// Cut to the exact size; a mention cut in two is no longer counted. The cut is copied into a flat
	// string: a slice is a view on the longer text, and reading a view char by char is slower (for
	// the floor too), while page text nodes and files come as flat strings.
	const text = flatCopy(writer.parts.join('').slice(0, chars));
	const kept = inserted.filter((mention) => mention.end <= chars);
	return { text, expected: kept.length, inserted: kept, ambiguous, traps };
}
