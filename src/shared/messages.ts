/**
 * Typed send and handle over runtime messaging (see protocol.ts). Errors
 * thrown by a handler travel back as `{ $error }` and are rethrown at the
 * caller, so failures are never silent on either side.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from './browser-api.ts';
import type { Envelope, MessageName, RequestOf, ResponseOf } from './protocol.ts';

type Handler<K extends MessageName> = (payload: RequestOf<K>, sender: Runtime.MessageSender) => ResponseOf<K> | Promise<ResponseOf<K>>;
export type Handlers = { [K in MessageName]?: Handler<K> };

interface ErrorReply {
	$error: string;
}

const isEnvelope = (value: unknown): value is Envelope =>
	typeof value === 'object' && value !== null && (value as Envelope).wc === 1 && typeof (value as Envelope).name === 'string';

function unwrap<T>(reply: unknown): T {
	if (typeof reply === 'object' && reply !== null && '$error' in reply) throw new Error((reply as ErrorReply).$error);
	return (reply as { value: T } | undefined)?.value as T;
}

export async function send<K extends MessageName>(name: K, ...payload: RequestOf<K> extends undefined ? [] : [RequestOf<K>]): Promise<ResponseOf<K>> {
	const envelope: Envelope<K> = { wc: 1, name, payload: payload[0] };
	return unwrap<ResponseOf<K>>(await browser.runtime.sendMessage(envelope));
}

/** Sends to the content script of one tab; `frameId: 0` targets the top frame only, `'all'` every frame (the first answer comes back). */
export async function sendToTab<K extends MessageName>(tabId: number, name: K, payload: RequestOf<K>, frameId: number | 'all' = 0): Promise<ResponseOf<K>> {
	const envelope: Envelope<K> = { wc: 1, name, payload };
	return unwrap<ResponseOf<K>>(await (frameId === 'all' ? browser.tabs.sendMessage(tabId, envelope) : browser.tabs.sendMessage(tabId, envelope, { frameId })));
}

/**
 * Registers handlers for the messages this context owns. Messages it does not
 * own get no reply (`undefined`), which lets another context answer them.
 */
export function handle(handlers: Handlers, signal?: AbortSignal): void {
	const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
		if (!isEnvelope(message)) return undefined;
		const handler = handlers[message.name] as Handler<MessageName> | undefined;
		if (!handler) return undefined;
		return Promise.resolve()
			.then(() => handler(message.payload, sender))
			.then(
				(value) => ({ value }),
				(error: unknown) => ({ $error: error instanceof Error ? error.message : String(error) }),
			);
	};
	browser.runtime.onMessage.addListener(listener);
	signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
