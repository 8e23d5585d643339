import { describe, expect, it } from 'vitest';
import { PAGE_EVIDENCE } from './blocks-scan.ts';
import { dataset } from '../../data/index.ts';
import { matcherAliases } from '../compact.ts';
import { createMatcher, type MatcherAlias } from './matcher.ts';

/** A small fixed alias table, so these tests do not move when the dataset does. */
const ALIASES: MatcherAlias[] = [
	{ text: 'AWS', case: 'exact', ambiguous: false, vendor: 'aws' },
	{ text: 'Amazon Web Services', case: 'title', ambiguous: false, vendor: 'aws' },
	{ text: 'Amazon', case: 'exact', ambiguous: true, vendor: 'aws' },
	{ text: 'EC2', case: 'exact', ambiguous: false, vendor: 'aws' },
	{ text: 'AWS European Sovereign Cloud', case: 'title', ambiguous: false, vendor: 'aws', offering: 'aws-european-sovereign-cloud' },
	{ text: 'Microsoft', case: 'title', ambiguous: false, vendor: 'microsoft' },
	{ text: 'Microsoft Azure', case: 'title', ambiguous: false, vendor: 'microsoft' },
	{ text: 'Azure', case: 'exact', ambiguous: true, vendor: 'microsoft' },
	{ text: 'Google', case: 'exact', ambiguous: true, vendor: 'google-cloud' },
	{ text: 'Google Cloud', case: 'title', ambiguous: false, vendor: 'google-cloud' },
	{ text: 'OVHcloud', case: 'insensitive', ambiguous: false, vendor: 'ovhcloud' },
	{ text: 'OVH cloud', case: 'insensitive', ambiguous: false, vendor: 'ovhcloud' },
	{ text: 'Orange', case: 'exact', ambiguous: true, vendor: 'orange-business' },
	{ text: 'Orange Business Services', case: 'title', ambiguous: false, vendor: 'orange-business' },
	{ text: 'Orange Business', case: 'title', ambiguous: false, vendor: 'orange-business' },
	{ text: 'Bleu', case: 'exact', ambiguous: true, vendor: 'bleu' },
	{ text: 'Capgemini', case: 'title', ambiguous: false, vendor: 'capgemini-test' },
	{ text: 'S3NS', case: 'exact', ambiguous: false, vendor: 's3ns' },
	{ text: 'PREMI3NS', case: 'insensitive', ambiguous: false, vendor: 's3ns', offering: 's3ns-premi3ns' },
	{ text: 'Oracle', case: 'exact', ambiguous: true, vendor: 'oracle' },
	{ text: 'Delos', case: 'exact', ambiguous: true, vendor: 'delos-cloud' },
	{ text: 'Delos Cloud', case: 'title', ambiguous: false, vendor: 'delos-cloud' },
	{ text: 'Aruba', case: 'exact', ambiguous: true, vendor: 'aruba' },
	{ text: 'Outscale', case: 'title', ambiguous: false, vendor: 'outscale' },
	{ text: '1&1', case: 'exact', ambiguous: false, vendor: 'ionos' },
	{ text: 'T-Systems', case: 'title', ambiguous: false, vendor: 'open-telekom-cloud' },
	{ text: 'eu-west-3', case: 'exact', ambiguous: false, vendor: 'aws' },
	{ text: 'kDrive', case: 'exact', ambiguous: false, vendor: 'infomaniak' },
];

const matcher = createMatcher(ALIASES);
const found = (text: string): string[] => matcher.findMentions(text).map((m) => `${m.surface}→${m.vendor}${m.offering ? `/${m.offering}` : ''}`);

describe('boundaries and case', () => {
	it.each([
		['AWS is a cloud provider.', ['AWS→aws']],
		['laws and jaws and draws', []],
		['AWSome deals', []],
		['an AWS-hosted service', ['AWS→aws']],
		['Google’s cloud and AWS’ regions', ['Google→google-cloud', 'AWS→aws']],
		['hébergé chez l’OVHcloud de Roubaix et d\'OVHcloud', ['OVHcloud→ovhcloud', 'OVHcloud→ovhcloud']],
		['lʼoffre dʼOVHcloud (U+02BC, a letter to Unicode, typed as an apostrophe)', ['OVHcloud→ovhcloud']],
		['OVHCloud, OvhCloud and OVH Cloud', ['OVHCloud→ovhcloud', 'OvhCloud→ovhcloud', 'OVH Cloud→ovhcloud']],
		// "Any case" starts with a capital: all lower case is a handle, a tag or a path more often than prose.
		['@ovhcloud and #premi3ns', []],
		// Names the dataset writes with a lower-case start match as written, with their own boundaries.
		['Paris is eu-west-3, not xeu-west-3 or eu-west-31', ['eu-west-3→aws']],
		['eu‑west‑3 with non-breaking hyphens', ['eu‑west‑3→aws']],
		['kDrive and Infomaniak’s kDrive, not KDrive or akDrive', ['kDrive→infomaniak', 'kDrive→infomaniak']],
		['éAWS or AWSé', []],
		['the aws cli', []],
		['OUTSCALE and Outscale but not outscale', ['OUTSCALE→outscale', 'Outscale→outscale']],
		['1&1 IONOS', ['1&1→ionos']],
		['T‑Systems (non-breaking hyphen)', ['T‑Systems→open-telekom-cloud']],
		['EC2 instances, not XEC2', ['EC2→aws']],
		// Scripts without spaces between words: a Latin name touching their characters is a word of its own.
		['東京リージョンのAWSは', ['AWS→aws']],
		['OVHcloudのサーバーとMicrosoft Azureを比較', ['OVHcloud→ovhcloud', 'Microsoft Azure→microsoft']],
		['AWS는 클라우드이고 S3NS와', ['AWS→aws', 'S3NS→s3ns']],
		['ใช้AWSสำหรับ', ['AWS→aws']],
		['AWSー', ['AWS→aws']],
		// An address elsewhere in such a sentence is not the name's.
		['お問い合わせはinfo@example.jpまで。東京リージョンのAWSは', ['AWS→aws']],
		['詳細はhttps://example.jp/guideを参照。AWSは', ['AWS→aws']],
		['https://example.jp/AWS は住所', []],
		// Other letters still glue: Greek, Cyrillic, Latin with accents.
		['AWSα, AWSж, AWSé', []],
	])('%s', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});
});

describe('longest match and offerings', () => {
	it.each([
		['Amazon Web Services runs EC2.', ['Amazon Web Services→aws', 'EC2→aws']],
		['Amazon  Web\nServices', ['Amazon  Web\nServices→aws']],
		['Microsoft Azure and Microsoft', ['Microsoft Azure→microsoft', 'Microsoft→microsoft']],
		['Orange Business Services and Orange Business', ['Orange Business Services→orange-business', 'Orange Business→orange-business']],
		['the AWS European Sovereign Cloud launched', ['AWS European Sovereign Cloud→aws/aws-european-sovereign-cloud']],
		['S3NS sells PREMI3NS (Premi3ns)', ['S3NS→s3ns', 'PREMI3NS→s3ns/s3ns-premi3ns', 'Premi3ns→s3ns/s3ns-premi3ns']],
		['Microsoft Azurex', ['Microsoft→microsoft']],
		// Letters outside Latin scripts end no name either; the exact check backs off to the shorter one.
		['Microsoft Azureφ', ['Microsoft→microsoft']],
		['AWSλ and AWSª, but AWS» and AWS\u00a0here', ['AWS→aws', 'AWS→aws']],
		// A Chinese or Japanese character ends it, as a space would: those scripts put none between words.
		['名AWS名 and Microsoft Azureの', ['AWS→aws', 'Microsoft Azure→microsoft']],
	])('%s', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});
});

describe('addresses are not prose', () => {
	it.each([
		['see ovhcloud.com or docs.aws.amazon.com', []],
		['mail contact@ovhcloud.com', []],
		['path /aws/ here', []],
		['We use AWS. Then OVHcloud.', ['AWS→aws', 'OVHcloud→ovhcloud']],
		// A company name inside a place's name is the place, whatever the space before it.
		['Capgemini Tower, Capgemini  Tower and Capgemini\u00a0Tower', []],
		['Capgemini towers over its rivals', ['Capgemini→capgemini-test']],
		// Anywhere in a URL or an e-mail address written out, not only right after a dot or a slash.
		['Source : https://www.lemagit.fr/actualites/366/OVHcloud-et-Scaleway-visent-AWS', []],
		['compare at https://example.com/compare?a=AWS&b=Azure today', []],
		['see www.example.com/page#Scaleway', []],
		['write to AWS-billing@example.com', []],
		['(https://example.com/AWS) then AWS', ['AWS→aws']],
		// A Markdown link's text is prose; its address is not.
		['[AWS](https://aws.amazon.com/fr/) and « OVHcloud »', ['AWS→aws', 'OVHcloud→ovhcloud']],
		['AWS, Azure/AWS and Capgemini/Orange: prose', ['AWS→aws', 'Azure→microsoft', 'AWS→aws', 'Capgemini→capgemini-test', 'Orange→orange-business']],
	])('%s', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});
});

describe('offsets are UTF-16 indices into the input', () => {
	it('reports start/end so that slice gives the surface', () => {
		const text = '😀 Les offres d’OVHcloud et 🇫🇷 AWS';
		for (const mention of matcher.findMentions(text)) {
			expect(text.slice(mention.start, mention.end)).toBe(mention.surface);
		}
		expect(matcher.findMentions(text)).toHaveLength(2);
	});
});

describe('ambiguous names are decided from context', () => {
	it.each([
		// Orange: company vs fruit, colour, town.
		['Un verre de jus d’Orange pressée au petit déjeuner.', []],
		['Orange a annoncé une hausse de ses forfaits mobiles.', ['Orange→orange-business']],
		['Le théâtre antique d’Orange accueille les Chorégies chaque été.', []],
		['La coentreprise Bleu, créée par Orange et Capgemini, propose un cloud de confiance.', ['Bleu→bleu', 'Orange→orange-business', 'Capgemini→capgemini-test']],
		// Bleu: colour vs company.
		['Le ciel est Bleu ce matin.', []],
		['Un cordon Bleu maison, pané et doré.', []],
		['Bleu obtient le jalon J0 de la qualification SecNumCloud auprès de l’ANSSI.', ['Bleu→bleu']],
		// The company as the subject, with cloud context or named as a company.
		['Bleu obtient la qualification SecNumCloud.', ['Bleu→bleu']],
		['La société Bleu propose ses services aux ministères.', ['Bleu→bleu']],
		['Bleu a toujours été ma couleur préférée.', []],
		// Amazon: river and shop vs cloud.
		['The Amazon rainforest spans nine countries and the river basin is huge.', []],
		['I ordered a book on Amazon with Prime delivery.', []],

		['Amazon said its cloud unit would build a sovereign region in Brandenburg.', ['Amazon→aws']],
		// Google: search engine vs cloud.
		['Just search it on Google and read the first result.', []],
		['Google Maps gave us directions.', []],
		['Thales and Google created S3NS to offer a trusted cloud.', ['Google→google-cloud', 'S3NS→s3ns']],
		// Oracle: prophecy vs company.
		['Pilgrims consulted the Oracle of Delphi about the war.', []],
		['The database licences were sold by Oracle to the ministry.', ['Oracle→oracle']],
		// Azure: colour vs Microsoft.
		['The sea turned azure, then the Azure sky darkened over the waters.', []],
		['Our workloads moved to Azure last year, after tests on AWS.', ['Azure→microsoft', 'AWS→aws']],
		// At the start of a sentence the capital still counts, half as much.
		['Azure was down for six hours.', ['Azure→microsoft']],
		['Oracle cuts jobs in Europe.', ['Oracle→oracle']],
		['Azure skies over the bay.', []],
		['Azure is a shade of blue.', []],
		['Oracle of Delphi, the priestess spoke.', []],
		// Delos and Aruba.
		['Delos, the sacred island of Apollo, lies in the Cyclades.', []],
		['Delos, the SAP subsidiary, will host the federal administration’s cloud.', ['Delos→delos-cloud']],
		['We spent our holidays on Aruba, a Caribbean island with white beaches.', []],
		['HPE Aruba access points and Aruba Networks switches.', []],
		['Aruba, the Italian hosting provider, opened a new data center near Milan.', ['Aruba→aruba']],
		// Neighbouring words are looked up in Maps: "constructor" once read as Object's own property and broke the score.
		['The database constructor Oracle said it would invest in Europe.', ['Oracle→oracle']],
	])('%s', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});
});

describe('the whole dataset', () => {
	// The aliases are split over several RegExps (see pattern.ts): every one of them must still be found.
	const aliases = matcherAliases(dataset);
	const full = createMatcher(aliases);
	it.each(aliases.filter((alias) => !alias.ambiguous).map((alias) => [alias.text, alias.vendor]))('finds "%s" as written', (text, vendor) => {
		const sentence = `Selon le rapport, ${text} reste cité.`;
		const mentions = full.findMentions(sentence);
		expect(mentions.map((mention) => [mention.surface, mention.vendor])).toContainEqual([text, vendor]);
	});

	it.each([
		['l’offre Managed Dedicated Cloud – SecNumCloud d’OVHcloud', 'Managed Dedicated Cloud – SecNumCloud'],
		['the Managed Dedicated Cloud — SecNumCloud offer', 'Managed Dedicated Cloud — SecNumCloud'],
		['Managed Dedicated Cloud - SecNumCloud', 'Managed Dedicated Cloud - SecNumCloud'],
	])('finds an offering whose spaced hyphen is written as a dash: %s', (text, surface) => {
		const mention = full.findMentions(text).find((item) => item.offering);
		expect(mention?.surface).toBe(surface);
		expect(mention?.vendor).toBe('ovhcloud');
	});

	it('finds names and reads context words in decomposed text (a letter, then its accent)', () => {
		const composed = 'Il a choisi Bleu pour l’hébergement de ses données, et la Dédibox d’OVHcloud.';
		const decomposed = composed.normalize('NFD');
		expect(decomposed).not.toBe(composed);
		const summary = (text: string) => full.findMentions(text).map((mention) => [mention.vendor, mention.offering ?? '', mention.confidence]);
		expect(summary(decomposed)).toEqual(summary(composed));
		expect(summary(composed).map(([vendor]) => vendor)).toEqual(['bleu', 'scaleway', 'ovhcloud']);
		for (const mention of full.findMentions(decomposed)) expect(decomposed.slice(mention.start, mention.end)).toBe(mention.surface);
	});

	it('keeps a hyphen inside a word a hyphen: "T–Systems" with an en dash is not the name', () => {
		expect(full.findMentions('T\u2011Systems and T-Systems').map((mention) => mention.vendor)).toEqual(['open-telekom-cloud', 'open-telekom-cloud']);
		expect(full.findMentions('T\u2013Systems').map((mention) => mention.vendor)).toEqual([]);
	});
});

describe('degenerate inputs', () => {
	it('an empty alias list matches nothing and terminates', () => {
		expect(createMatcher([]).findMentions('any text at all, AWS included')).toEqual([]);
	});
	it('empty text gives no mentions', () => {
		expect(matcher.findMentions('')).toEqual([]);
	});
});

describe('a shop sentence on a page about cloud', () => {
	// The page names vendors elsewhere (page evidence): shopping words still say this Amazon is the shop.
	it.each([
		['I bought this book on Amazon.'],
		['J’ai acheté ce livre sur Amazon.'],
	])('%s', (text) => {
		expect(matcher.findMentions(text, { pageEvidence: PAGE_EVIDENCE })).toEqual([]);
	});

	it('still counts Amazon the cloud on that page', () => {
		expect(matcher.findMentions('Amazon a annoncé une région souveraine.', { pageEvidence: PAGE_EVIDENCE }).map((m) => m.vendor)).toEqual(['aws']);
	});
});
