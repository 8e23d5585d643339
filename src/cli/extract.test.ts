import { describe, expect, it } from 'vitest';
import { htmlBlocks, kindOf } from './extract.ts';

describe('htmlBlocks', () => {
	it.each([
		['an image between words', '<p>Bleu <img src="x.png" alt=""> a obtenu le visa.</p>', ['Bleu \n a obtenu le visa.']],
		['a rule and an empty box inside a block', '<div>Open Telekom Cloud (OTC)<hr><span></span><div></div> : OTC est opéré.</div>', ['Open Telekom Cloud (OTC)\n\n : OTC est opéré.']],
		['a line break', '<p>AWS<br>Azure</p>', ['AWS\nAzure']],
		['a nested block with text of its own', '<div>Before<p>Inside</p>After</div>', ['Before', 'Inside', 'After']],
		['a box holding only skipped text', '<div>AWS<div><script>x</script></div>Azure</div>', ['AWS\nAzure']],
	])('reads %s as the content script does', (_name, html, expected) => {
		expect(htmlBlocks(html)).toEqual(expected);
	});
});

describe('kindOf (stdin and unknown extensions)', () => {
	it.each([
		['<ul><li>Amazon&nbsp;Web&nbsp;Services</li></ul>', 'html'],
		['<!-- c --><p>OVHcloud</p>', 'html'],
		['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>', 'html'],
		['  <span class="x">AWS</span>', 'html'],
		['<!DOCTYPE html><p>x</p>', 'html'],
		['<3 AWS and Azure', 'text'],
		['AWS < Azure > GCP', 'text'],
	])('%s → %s', (content, kind) => {
		expect(kindOf('-', content)).toBe(kind);
	});
});
