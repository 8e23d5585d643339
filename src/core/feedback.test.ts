import { describe, expect, it } from 'vitest';
import { dataset } from '../data/index.ts';
import { buildCard } from './card.ts';
import { currentValue, FACT_FIELDS, feedbackBody, feedbackUrl, type FeedbackText } from './feedback.ts';

const TEXT: FeedbackText = {
	title: (vendor, field) => `Wrong fact: ${vendor}, ${field}`,
	vendor: 'Vendor',
	field: 'Field',
	current: 'Current value',
	none: '(none)',
	dataset: (version, date) => `Dataset ${version}, data as of ${date}`,
	whatIsWrong: 'What is wrong:',
	source: 'A source for the right value:',
	footer: 'drafted by Whose Cloud?; nothing was sent',
};

const aws = buildCard(dataset, 'aws', undefined, 'en')!;

describe('currentValue', () => {
	it('reads each field from the card', () => {
		expect(currentValue(aws, 'controller')).toBe(`${aws.controller.entity} (United States)`);
		expect(currentValue(aws, 'level')).toBe('Non-EU control, US law');
		expect(currentValue(aws, 'laws')).toContain('CLOUD Act: ');
		expect(currentValue(aws, 'other')).toBe('');
		for (const field of FACT_FIELDS) expect(typeof currentValue(aws, field)).toBe('string');
	});

	it('gives the licensor only when there is one', () => {
		expect(currentValue(aws, 'licensor')).toBe('');
		expect(currentValue(buildCard(dataset, 'bleu', undefined, 'en')!, 'licensor')).toMatch(/^Microsoft/);
	});
});

describe('feedbackUrl', () => {
	const draft = { card: aws, field: 'controller' as const, fieldLabel: 'Controlled by' };

	it('prefills a GitHub issue with the vendor id, field, current value and dataset version', () => {
		const url = new URL(feedbackUrl('https://github.com/whose-cloud/whose-cloud/issues/new', draft, TEXT));
		expect(url.origin + url.pathname).toBe('https://github.com/whose-cloud/whose-cloud/issues/new');
		expect(url.searchParams.get('title')).toBe('Wrong fact: Amazon Web Services (AWS), Controlled by');
		const body = url.searchParams.get('body')!;
		expect(body).toContain('Vendor: aws (Amazon Web Services (AWS))');
		expect(body).toContain('Field: controller (Controlled by)');
		expect(body).toContain(`Current value: ${aws.controller.entity} (United States)`);
		expect(body).toContain(`Dataset ${dataset.meta.version}, data as of ${dataset.meta.data_as_of}`);
	});

	it('keeps a report URL’s own query', () => {
		expect(feedbackUrl('https://example.org/new?template=fact.md', draft, TEXT)).toMatch(/^https:\/\/example\.org\/new\?template=fact\.md&title=/);
	});

	it('writes an email draft for a mailto address, with spaces as %20', () => {
		const url = feedbackUrl('mailto:data@whose-cloud.eu', draft, TEXT);
		expect(url).toMatch(/^mailto:data@whose-cloud\.eu\?subject=Wrong%20fact%3A%20/);
		expect(url).not.toContain('+');
		expect(decodeURIComponent(url.split('&body=')[1]!)).toBe(feedbackBody(draft, TEXT));
	});

	it('names the offering and says when the dataset holds no value', () => {
		const premi3ns = buildCard(dataset, 's3ns', 's3ns-premi3ns', 'en')!;
		const body = feedbackBody({ card: premi3ns, field: 'other', fieldLabel: 'Something else' }, TEXT);
		expect(body).toContain('Vendor: s3ns / s3ns-premi3ns');
		expect(body).toContain('Current value: (none)');
	});

	it('keeps the URL short even for long values', () => {
		const url = feedbackUrl('https://github.com/o/r/issues/new', { card: aws, field: 'sources', fieldLabel: 'Sources' }, TEXT);
		expect(url.length).toBeLessThan(6000);
	});
});
