/**
 * Deterministic test pages for `npm run bench:page`: about 100 characters per
 * text node in <p>/<span> markup (so 1 MB ≈ 10k text nodes), paragraphs in
 * English or French, and about one vendor mention per kB taken from the real
 * dataset (perf-ecosystem.md §2.1 and §5). Same seed, same page, every run.
 *
 * Mentions use unambiguous aliases only, so "inserted" is a count the
 * extension should find. Ambiguous names ("Amazon", "Orange", "Teams") and
 * near-misses ("Scaleways", "OVHcloudé") are sprinkled in too: real pages
 * have them, and they exercise the disambiguation and boundary paths.
 */
import { matcherAliases } from '../../src/core/compact.ts';
import { dataset } from '../../src/data/index.ts';
import { PROBE_SCRIPT } from './page-probe.ts';
import { xorshift } from './text.ts';

export interface PageSpec {
	name: string;
	/** Characters of text to generate (1 MB = 1,000,000). */
	chars: number;
	/** False for the control page: no alias at all, not even ambiguous ones or near-misses. */
	mentions: boolean;
	/** Mean characters between two unambiguous mentions; 1,000 unless said (one per kB, as the issue asks). */
	mentionEvery?: number;
	/** All the text in one text node of one paragraph: the worst case for a scan that cannot split a node. */
	oneNode?: boolean;
}

export interface GeneratedPage {
	html: string;
	textChars: number;
	textNodes: number;
	paragraphs: number;
	/** Unambiguous mentions inserted: what the extension should mark. */
	inserted: number;
	ambiguous: number;
	nearMisses: number;
}

const ENGLISH = `the of and to in is that for it as was with be by on not he this are or his from at which but have an they
you were her she there would their we him been has when who will more no if out so said what up its about into than them can only other
new some could time these two may then do first any my now such like our over man me even most made after also did many before must
through back years where much your way well down should because each just those people how too little state good very make world still
own see men work long get here between both life being under never day same another know while last might us great old year off come
since against go came right used take three public system cloud storage server data network service platform region contract audit
security policy provider hosting computing software customer market price offer report law court decision agreement transfer access
backup sovereign control infrastructure application database cluster instance deployment migration latency bandwidth encryption key`;

const FRENCH = `le la les de des du un une et est en que qui dans pour pas sur au aux avec ce cette ces il elle ils elles nous vous on
se sa son ses leur leurs plus par mais ou donc ni car comme tout tous toute être avoir fait faire dit peut sont été était très bien aussi
même encore après avant depuis pendant sans sous entre vers chez deux trois année années jour temps monde pays ville état loi droit
données serveur réseau hébergement hébergeur nuage informatique logiciel entreprise marché prix offre rapport cour décision accord
transfert accès sauvegarde souverain souveraineté contrôle infrastructure application base grappe instance déploiement migration
latence débit chiffrement clé sécurité politique fournisseur client contrat audit conformité européen européenne française français
numérique stockage calcul région centre opérateur qualifié qualification référentiel exigence exigences garantie garanties élevé
élevée à où déjà là été façon général générale équipe équipes système systèmes mise œuvre réglementation protection personnelles`;

/** Aliases the matcher must decide from context; a few per page, as on real pages. */
const AMBIGUOUS_WORDS = ['Amazon', 'Orange', 'Google', 'Oracle', 'Teams', 'Outlook', 'Slack', 'Azure', 'Lambda', 'Alibaba'];
const NEAR_MISS_SUFFIXES = ['s', 'é', 'ing', 'ien', 'x', '2b'];

/** The shared xorshift32 sequence (text.ts), with the helpers the page generator needs. */
function createRandom(seed: number): { next(): number; int(min: number, max: number): number; pick<T>(list: readonly T[]): T } {
	const next = xorshift(seed);
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (list) => list[Math.floor(next() * list.length)]!,
	};
}

export interface AliasSets {
	/** Every alias text in the dataset: the source of mark.js's combined regex. */
	all: string[];
	unambiguous: string[];
	/** One-word unambiguous aliases: gluing a suffix onto them gives a near-miss that must not match. */
	singleWord: string[];
}

export function aliasSets(): AliasSets {
	const aliases = matcherAliases(dataset);
	const unambiguous = [...new Set(aliases.filter((alias) => !alias.ambiguous).map((alias) => alias.text))].sort();
	return {
		all: [...new Set(aliases.map((alias) => alias.text))].sort(),
		unambiguous,
		singleWord: unambiguous.filter((text) => /^[\p{L}\p{N}]+$/u.test(text)),
	};
}

/**
 * Vocabulary words that are not aliases themselves ("bleu", "orange" would be accidental mentions).
 * For the page without mentions, words that start a multi-word alias go too: "service" then
 * "cloud" would make "Service Cloud", which the extension rightly marks.
 */
function vocabulary(text: string, aliases: readonly string[], strict: boolean): string[] {
	const taken = new Set(aliases.map((alias) => alias.toLowerCase()));
	if (strict) for (const alias of aliases) taken.add(alias.split(/\s+/)[0]!.toLowerCase());
	return text.split(/\s+/).filter((word) => word.length > 0 && !taken.has(word.toLowerCase()));
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Emits words into text segments, dropping a mention, an ambiguous name or a near-miss in at the planned gaps. */
class TextSource {
	private untilMention: number;
	private untilAmbiguous: number;
	private untilNearMiss: number;
	private capitalise = true;
	inserted = 0;
	ambiguous = 0;
	nearMisses = 0;

	constructor(
		private readonly random: ReturnType<typeof createRandom>,
		private readonly words: { en: string[]; fr: string[] },
		private readonly aliases: AliasSets,
		private readonly withMentions: boolean,
		private readonly mentionEvery = 1000,
	) {
		this.untilMention = this.gap(mentionEvery);
		this.untilAmbiguous = this.gap(5000);
		this.untilNearMiss = this.gap(1000);
	}

	/** A gap of `mean` characters on average (uniform in [mean/2, 3·mean/2]). */
	private gap(mean: number): number {
		return this.random.int(mean / 2, (mean * 3) / 2);
	}

	private word(lang: 'en' | 'fr'): string {
		const random = this.random;
		if (this.withMentions) {
			if (this.untilMention <= 0) {
				this.untilMention = this.gap(this.mentionEvery);
				this.inserted++;
				return random.pick(this.aliases.unambiguous);
			}
			if (this.untilAmbiguous <= 0) {
				this.untilAmbiguous = this.gap(5000);
				this.ambiguous++;
				return random.pick(AMBIGUOUS_WORDS);
			}
			if (this.untilNearMiss <= 0) {
				this.untilNearMiss = this.gap(1000);
				this.nearMisses++;
				return random.pick(this.aliases.singleWord) + random.pick(NEAR_MISS_SUFFIXES);
			}
		}
		let word = random.pick(this.words[lang]);
		if (this.capitalise || random.next() < 0.08) word = word[0]!.toUpperCase() + word.slice(1);
		this.capitalise = false;
		return word;
	}

	/** About `length` characters of words and punctuation, ending with a space so nodes never glue words. */
	segment(length: number, lang: 'en' | 'fr'): string {
		let out = '';
		while (out.length < length) {
			const word = this.word(lang);
			out += word;
			const roll = this.random.next();
			const separator = roll < 0.06 ? '. ' : roll < 0.12 ? ', ' : ' ';
			if (separator === '. ') this.capitalise = true;
			out += separator;
			const step = word.length + separator.length;
			this.untilMention -= step;
			this.untilAmbiguous -= step;
			this.untilNearMiss -= step;
		}
		return out;
	}
}

export function generatePage(spec: PageSpec, aliases: AliasSets = aliasSets(), seed = 42): GeneratedPage {
	const random = createRandom(seed);
	const words = { en: vocabulary(ENGLISH, aliases.all, !spec.mentions), fr: vocabulary(FRENCH, aliases.all, !spec.mentions) };
	const source = new TextSource(random, words, aliases, spec.mentions, spec.mentionEvery);
	const parts: string[] = [];
	let textChars = 0;
	let textNodes = 0;
	let paragraphs = 0;
	if (spec.oneNode) {
		const text = source.segment(spec.chars, 'en');
		parts.push(`<p>${escapeHtml(text)}</p>\n`);
		textChars = text.length;
		textNodes = 1;
		paragraphs = 1;
	}
	while (textChars < spec.chars) {
		const lang = random.next() < 0.5 ? 'en' : 'fr';
		parts.push(lang === 'fr' ? '<p lang="fr">' : '<p>');
		const segments = random.int(4, 16);
		for (let index = 0; index < segments; index++) {
			const text = source.segment(random.int(3, 190), lang);
			textChars += text.length;
			textNodes++;
			// Alternate bare text and <span>: one flow per <p>, many nodes per flow, as in real article markup.
			parts.push(index % 2 === 1 ? `<span>${escapeHtml(text)}</span>` : escapeHtml(text));
		}
		parts.push('</p>\n');
		paragraphs++;
	}
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench ${spec.name}</title>
<script>${PROBE_SCRIPT}</script>
<style>body{font:16px/1.5 Georgia,serif;max-width:60em;margin:0 auto;padding:1em}</style></head>
<body><main>
${parts.join('')}</main></body></html>`;
	return { html, textChars, textNodes, paragraphs, inserted: source.inserted, ambiguous: source.ambiguous, nearMisses: source.nearMisses };
}

/**
 * mark.js's input: one combined regex of every alias, longest first, with Unicode word boundaries
 * (perf-ecosystem.md §2.1). The `u` flag forbids escaping `-` and `/` outside a class, so they stay literal.
 */
export function combinedRegex(aliases: readonly string[]): RegExp {
	const escaped = [...aliases].sort((a, b) => b.length - a.length).map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
}
