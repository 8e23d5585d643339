/** Prints every provider's and offering's derived verdict and reasons: `npx tsx test/tools/print-verdicts.ts [fr]`. */
import { buildCard } from '../../src/core/card.ts';
import { dataset } from '../../src/data/index.ts';

const lang = process.argv[2] === 'fr' ? 'fr' : 'en';
for (const provider of dataset.providers) {
	for (const offering of [undefined, ...provider.offerings.map((item) => item.id)]) {
		const card = buildCard(dataset, provider.id, offering, lang)!;
		console.log(`\n${offering ?? provider.id}: ${card.levelLabel} [${card.confidence}]`);
		for (const reason of card.reasons) console.log(`   - ${reason.text}${reason.confidence === 'verified' ? '' : ` (${reason.confidence})`}`);
	}
}
