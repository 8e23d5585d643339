/**
 * Turns a document into the blocks of text the content script would see:
 * HTML through parse5 (a spec-compliant parser), skipping the same elements;
 * Markdown with its syntax removed; plain text split on blank lines.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { CODE_TAGS, INLINE_TAGS, SKIPPED_TAGS } from '../core/text/blocks.ts';

type ParentNode = DefaultTreeAdapterMap['parentNode'];

export type InputKind = 'html' | 'markdown' | 'text';

export function kindOf(name: string, content: string): InputKind {
	if (/\.(html?|xhtml)$/i.test(name)) return 'html';
	if (/\.(md|markdown)$/i.test(name)) return 'markdown';
	if (/\.(txt|text)$/i.test(name)) return 'text';
	// stdin or an unknown extension: sniff. Any leading tag, comment or XML declaration is markup ("<3" is not).
	return /^\s*(<!--|<\?xml|<!doctype|<[a-z][\w-]*[\s>/])/i.test(content) ? 'html' : 'text';
}

const isEditable = (node: { attrs?: Array<{ name: string; value: string }> }): boolean =>
	node.attrs?.some((attr) => attr.name === 'contenteditable' && attr.value.toLowerCase() !== 'false') ?? false;

/** Does the element hold text the walk would read? One without (an image, a rule, an empty box) breaks no block. */
function holdsText(parent: ParentNode, skipCode: boolean): boolean {
	return parent.childNodes.some((node) => {
		if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value.trim().length > 0;
		if (!('tagName' in node)) return false;
		if (SKIPPED_TAGS.has(node.tagName) || (skipCode && CODE_TAGS.has(node.tagName)) || isEditable(node)) return false;
		return holdsText(node.tagName === 'template' ? (node as DefaultTreeAdapterMap['template']).content : node, skipCode);
	});
}

export function htmlBlocks(html: string, skipCode = true): string[] {
	const document = parse(html);
	const blocks: string[] = [];
	let current = '';
	const flush = (): void => {
		if (current.trim().length > 0) blocks.push(current);
		current = '';
	};
	const walk = (parent: ParentNode): void => {
		for (const node of parent.childNodes) {
			if (node.nodeName === '#text') {
				current += (node as DefaultTreeAdapterMap['textNode']).value;
				continue;
			}
			if (!('tagName' in node)) continue;
			const tag = node.tagName;
			if (SKIPPED_TAGS.has(tag) || (skipCode && CODE_TAGS.has(tag)) || isEditable(node)) continue;
			const inline = INLINE_TAGS.has(tag);
			// The content script joins the text on both sides of a <br>, an image or an empty box into one
			// flow of their block, kept apart by a line break; only a block holding text of its own splits it.
			if (tag === 'br' || (!inline && !holdsText(node, skipCode))) {
				current += '\n';
				continue;
			}
			if (!inline) flush();
			walk(tag === 'template' ? (node as DefaultTreeAdapterMap['template']).content : node);
			if (!inline) flush();
		}
	};
	walk(document);
	flush();
	return blocks;
}

/** Markdown to prose: code removed (as the content script skips it), links and emphasis reduced to their text. */
export function markdownBlocks(markdown: string): string[] {
	const prose = markdown
		.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
		.replace(/`[^`\n]+`/g, '')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
		.replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2');
	return textBlocks(prose);
}

export function textBlocks(text: string): string[] {
	return text.split(/\n\s*\n/).filter((block) => block.trim().length > 0);
}

export function blocksOf(kind: InputKind, content: string): string[] {
	if (kind === 'html') return htmlBlocks(content);
	if (kind === 'markdown') return markdownBlocks(content);
	return textBlocks(content);
}
