/**
 * A tiny static server on 127.0.0.1 for the demo and the browser tests. It
 * serves test/demo/ and test/e2e/fixtures/, and records every request it
 * gets, so tests can show the extension fetched nothing from it.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const ROOTS = [new URL('./', import.meta.url).pathname, new URL('../e2e/fixtures/', import.meta.url).pathname];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.svg': 'image/svg+xml' };

export interface LocalServer {
	origin: string;
	requests: string[];
	close(): Promise<void>;
}

/** Extra routes for tests: path → [content type, body]. */
export type Routes = Record<string, [string, string | Buffer]>;

/**
 * A page whose frames come from this same server named localhost: to the
 * browser another site, so they are cross-origin to their page. The second
 * frame is told not to know its page (referrerpolicy="no-referrer": Firefox
 * then hides the page's origin from it too).
 */
function crossSiteFramePage(port: number): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cross-site frames</title></head>
<body><p id="top">The page itself names AWS.</p>
<iframe src="http://localhost:${port}/frame.html?told" width="600" height="120" title="embedded from another site"></iframe>
<iframe src="http://localhost:${port}/frame.html?hidden" referrerpolicy="no-referrer" width="600" height="120" title="embedded from another site, without a referrer"></iframe></body></html>`;
}

/** The slow page ends its body at this path's request (the test's), or after this long at most. */
const SLOW_TOP_RELEASE = '/release-slow-top';
const SLOW_TOP_MAX_MS = 15_000;

/**
 * A page that frames this server as localhost, then holds back the end of its
 * body until the test asks for SLOW_TOP_RELEASE: the frame is loaded and its
 * content script running while the page's own has not started. The page is
 * sandboxed by its CSP, so its origin is opaque and the frame cannot see which
 * site it is in (location.ancestorOrigins reads "null"): it must ask the
 * background, which must wait for the page.
 */
async function slowSandboxedTop(response: ServerResponse, port: number, released: Promise<void>): Promise<void> {
	response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': 'sandbox allow-scripts' });
	response.write(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Slow sandboxed page</title></head>
<body><p id="top">The page itself names AWS.</p>
<iframe src="http://localhost:${port}/frame.html?early" width="600" height="120" title="embedded from another site"></iframe>\n`);
	await Promise.race([released, new Promise((resolve) => setTimeout(resolve, SLOW_TOP_MAX_MS))]);
	response.end('<p>The rest of the page, at last.</p></body></html>');
}

export async function startServer(port = 0, routes: Routes = {}): Promise<LocalServer> {
	const requests: string[] = [];
	let actualPort = port;
	let releaseSlowTop = (): void => undefined;
	const server: Server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		requests.push(url.pathname + url.search);
		if (url.pathname === '/slow-sandboxed-top.html') {
			const released = new Promise<void>((resolve) => (releaseSlowTop = resolve));
			await slowSandboxedTop(response, actualPort, released);
			return;
		}
		if (url.pathname === SLOW_TOP_RELEASE) {
			releaseSlowTop();
			response.writeHead(204);
			response.end();
			return;
		}
		const route = url.pathname === '/cross-frame.html' ? ['text/html; charset=utf-8', crossSiteFramePage(actualPort)] as const : routes[url.pathname];
		if (route) {
			response.writeHead(200, { 'content-type': route[0], 'cache-control': 'no-store' });
			response.end(route[1]);
			return;
		}
		const path = normalize(url.pathname === '/' ? '/article.html' : url.pathname).replace(/^(\.\.[/\\])+/, '');
		for (const root of ROOTS) {
			try {
				const body = await readFile(join(root, path));
				const headers: Record<string, string> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
				// Pages named *.csp.html get a strict Content Security Policy, to test the extension under one.
				if (path.endsWith('.csp.html')) headers['content-security-policy'] = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'";
				response.writeHead(200, headers);
				response.end(body);
				return;
			} catch {
				// Try the next root.
			}
		}
		response.writeHead(404, { 'content-type': 'text/plain' });
		response.end('not found');
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address();
	actualPort = typeof address === 'object' && address ? address.port : port;
	return {
		origin: `http://127.0.0.1:${actualPort}`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
