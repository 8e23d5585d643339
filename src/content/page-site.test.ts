import { describe, expect, it } from 'vitest';
import { governingHost, type FrameView } from './page-site.ts';

const crossOrigin = (): never => {
	throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
};

/** A frame on widgets.example embedded somewhere; each case says what it can learn of its page. */
function frame(view: Partial<FrameView>): FrameView & { asked: () => number } {
	let asked = 0;
	const ask = view.askBackground ?? (() => Promise.resolve(null));
	return {
		isTop: false,
		ownHost: 'widgets.example',
		topUrl: crossOrigin,
		ancestorOrigins: undefined,
		...view,
		askBackground: () => {
			asked++;
			return ask();
		},
		asked: () => asked,
	};
}

describe('governingHost', () => {
	it.each<[string, Partial<FrameView>, string, number]>([
		['the top page is its own site', { isTop: true, ownHost: 'news.example', topUrl: () => 'https://other.example/' }, 'news.example', 0],
		['a same-origin frame reads its top page', { topUrl: () => 'https://news.example/article?id=1' }, 'news.example', 0],
		['a cross-origin frame reads the last ancestor origin', { ancestorOrigins: ['https://middle.example', 'https://news.example'] }, 'news.example', 0],
		['the top page\'s address wins over ancestor origins', { topUrl: () => 'http://news.example/', ancestorOrigins: ['https://other.example'] }, 'news.example', 0],
		['a hidden ancestor origin ("null"): the background is asked', { ancestorOrigins: ['null'], askBackground: () => Promise.resolve('news.example') }, 'news.example', 1],
		['no ancestorOrigins (older Firefox): the background is asked', { askBackground: () => Promise.resolve('news.example') }, 'news.example', 1],
		['a same-origin top page that is no web page is no answer: the background is asked', { topUrl: () => 'about:blank', askBackground: () => Promise.resolve(null) }, 'widgets.example', 1],
		['a top page known to be no web page: its own host at once, nothing to ask', { ancestorOrigins: ['chrome-extension://abc'], askBackground: () => Promise.resolve('news.example') }, 'widgets.example', 0],
		['a file: page above: its own host at once', { ancestorOrigins: ['https://middle.example', 'file://'], askBackground: () => Promise.resolve('news.example') }, 'widgets.example', 0],
		['the background cannot say: the frame\'s own host', { ancestorOrigins: [] }, 'widgets.example', 1],
		['the background fails: the frame\'s own host', { askBackground: () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')) }, 'widgets.example', 1],
	])('%s', async (_name, view, expected, asked) => {
		const subject = frame(view);
		expect(await governingHost(subject)).toBe(expected);
		expect(subject.asked()).toBe(asked);
	});
});
