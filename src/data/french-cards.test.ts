/**
 * The French card says in French what the dataset describes in words: who
 * holds a stake and how, places, certifications, who claims and who
 * disputes. Names stay names. A few English words that only descriptions
 * use are looked for in every French card's fields that come from the data.
 */
import { describe, expect, it } from 'vitest';
import { buildCard, type VendorCard } from '../core/card.ts';
import { dataset } from './index.ts';

/** Words of the dataset's English descriptions that no company, product, place or publication named here contains. */
const ENGLISH = /\b(and|of|with|through|via|owner|founders?|family|parent|company|stake|stakes|shareholders?|disclosed|published|listed|subsidiar(y|ies)|data centres?|not)\b/i;

function describedFields(card: VendorCard): string[] {
	return [
		card.operator.entity,
		card.controller.entity,
		...card.owners.flatMap((owner) => [owner.entity, owner.stake ?? '']),
		...(card.licensor ? [card.licensor.entity] : []),
		...card.regions.map((region) => region.name),
		...card.certifications.map((cert) => cert.label),
		...card.disputes.flatMap((dispute) => [dispute.claimedBy, dispute.counteredBy]),
	];
}

const cards = dataset.providers.flatMap((provider) => [
	{ id: provider.id, card: buildCard(dataset, provider.id, undefined, 'fr')! },
	...(provider.offerings ?? []).map((offering) => ({ id: `${provider.id}/${offering.id}`, card: buildCard(dataset, provider.id, offering.id, 'fr')! })),
]);

describe('French cards', () => {
	it.each(cards)('$id: no English description in the parties, places, certifications or disputes', ({ card }) => {
		expect(describedFields(card).filter((text) => ENGLISH.test(text))).toEqual([]);
	});
});
