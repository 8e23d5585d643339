/**
 * A minimal WebDriver BiDi client (Firefox's built-in remote protocol), just
 * enough for the smoke test: run a script in a page or in an extension page
 * and read the result. Playwright cannot drive stock Firefox, and web-ext
 * only installs and runs the add-on, so this talks to Firefox directly.
 */
import WebSocket from 'ws';

interface Pending {
	resolve: (value: unknown) => void;
	reject: (error: Error) => void;
}

export class Bidi {
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();

	private constructor(private readonly socket: WebSocket) {
		socket.on('message', (data) => {
			const message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8')) as { id?: number; type: string; result?: unknown; error?: string; message?: string };
			if (message.id === undefined) return;
			const waiter = this.pending.get(message.id);
			if (!waiter) return;
			this.pending.delete(message.id);
			if (message.type === 'error') waiter.reject(new Error(`${message.error}: ${message.message}`));
			else waiter.resolve(message.result);
		});
	}

	static async connect(port: number, timeoutMs = 30_000): Promise<Bidi> {
		const deadline = Date.now() + timeoutMs;
		let lastError: unknown;
		while (Date.now() < deadline) {
			try {
				const socket = new WebSocket(`ws://127.0.0.1:${port}/session`);
				await new Promise<void>((resolve, reject) => {
					socket.once('open', () => resolve());
					socket.once('error', reject);
				});
				const client = new Bidi(socket);
				await client.send('session.new', { capabilities: {} });
				return client;
			} catch (error) {
				lastError = error;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		}
		throw new Error(`Firefox remote protocol did not answer on port ${port}: ${String(lastError)}`);
	}

	send<T = unknown>(method: string, params: Record<string, unknown>): Promise<T> {
		const id = this.nextId++;
		this.socket.send(JSON.stringify({ id, method, params }));
		return new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			setTimeout(() => {
				if (this.pending.delete(id)) reject(new Error(`${method} timed out`));
			}, 20_000);
		});
	}

	/** Evaluates `expression` (awaiting a promise) in a browsing context and returns the JSON it produces. */
	async evaluate<T>(context: string, expression: string): Promise<T> {
		const result = await this.send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
			expression: `(async () => JSON.stringify(await (${expression})))()`,
			target: { context },
			awaitPromise: true,
		});
		if (result.type === 'exception') throw new Error(`script failed: ${result.exceptionDetails?.text ?? 'unknown'}`);
		const value = result.result?.value;
		return (typeof value === 'string' ? JSON.parse(value) : undefined) as T;
	}

	async contexts(): Promise<Array<{ context: string; url: string }>> {
		const tree = await this.send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {});
		return tree.contexts;
	}

	async newTab(url: string): Promise<string> {
		const { context } = await this.send<{ context: string }>('browsingContext.create', { type: 'tab' });
		await this.send('browsingContext.navigate', { context, url, wait: 'complete' });
		return context;
	}

	close(): void {
		this.socket.close();
	}
}
