import { describe, expect, it } from 'vitest';
import { governingHost, type FrameView } from './page-site.ts';

const crossOrigin = (): never => {
	throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
};

/** A frame on widgets.example embedded somewhere; each case says what it can learn of its page. */
const frame = (view: Partial<FrameView>): FrameView => ({ isTop: false, ownHost: 'widgets.example', topUrl: crossOrigin, ancestorOrigins: undefined, ...view });

describe('governingHost', () => {
	it.each<[string, Partial<FrameView>, string]>([
		['the top page is its own site', { isTop: true, ownHost: 'news.example', topUrl: () => 'https://other.example/' }, 'news.example'],
		['a same-origin frame (or a Firefox content script) reads its top page', { topUrl: () => 'https://news.example/article?id=1' }, 'news.example'],
		['a cross-origin frame in Chromium reads the last ancestor origin', { ancestorOrigins: ['https://middle.example', 'https://news.example'] }, 'news.example'],
		['the top page\'s address wins over ancestor origins', { topUrl: () => 'http://news.example/', ancestorOrigins: ['https://other.example'] }, 'news.example'],
		['an opaque ancestor origin is no answer: the frame\'s own host', { ancestorOrigins: ['null'] }, 'widgets.example'],
		['a top page that is no web page (an extension page) is no answer', { topUrl: () => 'chrome-extension://abc/page.html' }, 'widgets.example'],
		['an unreadable top page in a browser without ancestorOrigins', {}, 'widgets.example'],
		['an empty ancestor list', { ancestorOrigins: [] }, 'widgets.example'],
	])('%s', (_name, view, expected) => {
		expect(governingHost(frame(view))).toBe(expected);
	});
});
