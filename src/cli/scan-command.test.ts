import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runScan, type ScanIO } from './scan-command.ts';

/** In-memory files; a missing name throws like fs does. */
function fakeIO(files: Record<string, string | Uint8Array>): ScanIO & { stdout: string; stderr: string } {
	const io = {
		stdout: '',
		stderr: '',
		read(name: string): Uint8Array {
			const content = files[name];
			if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
			return typeof content === 'string' ? new TextEncoder().encode(content) : content;
		},
		out(text: string) {
			io.stdout += text;
		},
		err(text: string) {
			io.stderr += text;
		},
	};
	return io;
}

describe('scan --jsonl (the evaluation format)', () => {
	it('writes one line per input, with offsets into the input text', () => {
		const text = 'Le ministère quitte l’offre d’AWS pour OVHcloud. Un jus d’orange ?';
		const io = fakeIO({ '-': `${JSON.stringify({ id: 'a', text })}\n${JSON.stringify({ id: 'b', text: 'Nothing here.' })}\n` });
		expect(runScan(['--jsonl', '-'], io)).toBe(0);
		const lines = io.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; mentions: Array<{ start: number; end: number; surface: string; vendor: string }> });
		expect(lines.map((line) => line.id)).toEqual(['a', 'b']);
		expect(Object.keys(lines[0]!)).toEqual(['id', 'mentions']);
		expect(lines[0]!.mentions.map((mention) => [mention.surface, mention.vendor])).toEqual([['AWS', 'aws'], ['OVHcloud', 'ovhcloud']]);
		for (const mention of lines[0]!.mentions) {
			expect(Object.keys(mention).slice(0, 4)).toEqual(['start', 'end', 'surface', 'vendor']);
			expect(text.slice(mention.start, mention.end)).toBe(mention.surface);
		}
		expect(lines[1]!.mentions).toEqual([]);
	});

	it.each([
		['a malformed JSON line, naming its line number', '{"id":"a","text":"AWS"}\n{"id": "b", "text": \n', /stdin:2: malformed JSON/],
		['a record without text', '{"id":"a"}\n', /stdin:1: "text" must be a string/],
		['a record that is not an object', '[1,2]\n', /stdin:1: expected an object/],
		['an empty input', '\n\n', /stdin: empty input/],
	])('refuses %s, with no partial output', (_name, input, message) => {
		const io = fakeIO({ '-': input });
		expect(runScan(['--jsonl', '-'], io)).toBe(2);
		expect(io.stderr).toMatch(message);
		expect(io.stdout).toBe('');
	});
});

describe('scan files', () => {
	it('extracts HTML text the way the content script sees it (no script, style or editable text)', () => {
		const html = '<html><head><title>AWS</title><style>.aws{}</style></head><body><p>Notre cloud : <b>Amazon</b> Web Services et Scaleway.</p>'
			+ '<script>var provider = "Azure";</script><textarea>Microsoft Azure</textarea><div contenteditable>Google Cloud</div></body></html>';
		const io = fakeIO({ 'page.html': html });
		expect(runScan(['--json', 'page.html'], io)).toBe(0);
		const report = JSON.parse(io.stdout) as { reports: Array<{ kind: string; mentions: Array<{ surface: string; vendor: string }> }> };
		expect(report.reports[0]!.kind).toBe('html');
		expect(report.reports[0]!.mentions.map((mention) => mention.surface)).toEqual(['Amazon Web Services', 'Scaleway']);
	});

	it('reads Markdown without its code blocks and link targets', () => {
		const markdown = '# Offres\n\nVoir [le site d’OVHcloud](https://aws.amazon.com/fr/) et **Outscale**.\n\n```\nprovider = "azure"  # Microsoft Azure\n```\n';
		const io = fakeIO({ 'notes.md': markdown });
		expect(runScan(['--json', 'notes.md'], io)).toBe(0);
		const report = JSON.parse(io.stdout) as { reports: Array<{ mentions: Array<{ vendor: string }> }> };
		expect(report.reports[0]!.mentions.map((mention) => mention.vendor)).toEqual(['ovhcloud', 'outscale']);
	});

	it('prints a table of vendor, verdict, count and first context', () => {
		const io = fakeIO({ 'a.txt': 'Bleu, la coentreprise d’Orange et Capgemini, exploite Microsoft Azure.\n\nMicrosoft encore.' });
		expect(runScan(['a.txt'], io)).toBe(0);
		expect(io.stdout).toMatch(/vendor\s+verdict\s+count\s+first context/);
		expect(io.stdout).toMatch(/Microsoft \(Azure, Microsoft 365\)\s+Non-EU control, US law\s+2/);
		expect(io.stdout).toMatch(/Bleu\s+EU-operated, non-EU technology\s+1/);
	});

	it.each([
		['a missing file', ['missing.txt'], {}, /missing\.txt: cannot read: no such file/],
		['a file that is not UTF-8', ['latin1.txt'], { 'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9]) }, /latin1\.txt: not valid UTF-8/],
		['an empty file', ['empty.txt'], { 'empty.txt': '  \n' }, /empty\.txt: empty input/],
		['no input at all', [], {}, /no input given/],
		['an unknown option', ['--xml', 'a.txt'], {}, /unknown option --xml/],
	])('refuses %s with a clear message and exit code 2', (_name, args, files, message) => {
		const io = fakeIO({ 'a.txt': 'AWS', ...files });
		expect(runScan(args, io)).toBe(2);
		expect(io.stderr).toMatch(message);
		expect(io.stdout).toBe('');
	});

	it('stops before printing anything when one of several files is bad', () => {
		const io = fakeIO({ 'good.txt': 'AWS and Scaleway' });
		expect(runScan(['good.txt', 'bad.txt'], io)).toBe(2);
		expect(io.stdout).toBe('');
	});
});

describe('the npm run scan process', () => {
	it('reads stdin and exits 0 (the real wiring, once)', () => {
		const output = execFileSync('npx', ['--no-install', 'tsx', 'src/cli/scan.ts', '--jsonl', '-'], {
			input: '{"id":"x","text":"S3NS et PREMI3NS"}\n',
			encoding: 'utf8',
		});
		expect(JSON.parse(output)).toEqual({
			id: 'x',
			mentions: [
				{ start: 0, end: 4, surface: 'S3NS', vendor: 's3ns', confidence: 1 },
				{ start: 8, end: 16, surface: 'PREMI3NS', vendor: 's3ns', offering: 's3ns-premi3ns', confidence: 1 },
			],
		});
	}, 30_000);
});
