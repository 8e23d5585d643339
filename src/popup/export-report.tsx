/**
 * "Export a report": the page's report as Markdown or JSON, copied or
 * downloaded. It is built at the moment of the click, from the same findings
 * the popup shows, so the file matches the screen.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { buildReport, reportFileName, reportToJson, type PageReportDoc } from '../core/report.ts';
import { reportToMarkdown } from '../core/report-markdown.ts';
import { dataset } from '../data/index.ts';
import { currentLang, t } from '../shared/i18n.ts';
import type { PageReport } from '../shared/protocol.ts';
import { methodNotes, reportText } from './report-text.ts';
import { copyText, downloadText } from './save-file.ts';

type Format = 'md' | 'json';

function makeReport(report: PageReport, format: Format): { doc: PageReportDoc; text: string } {
	const doc = buildReport(dataset, { url: report.url, generated: new Date(), vendors: report.vendors, lang: currentLang(), method: methodNotes() });
	return { doc, text: format === 'md' ? reportToMarkdown(doc, reportText()) : reportToJson(doc) };
}

export function ExportReport({ report }: { report: PageReport }): JSX.Element {
	const [status, setStatus] = useState('');
	const copy = async (format: Format): Promise<void> => {
		setStatus((await copyText(makeReport(report, format).text)) ? t('popupCopied') : t('popupCopyFailed'));
	};
	const download = (format: Format): void => {
		const { doc, text } = makeReport(report, format);
		const name = reportFileName(doc, format);
		downloadText(name, format === 'md' ? 'text/markdown' : 'application/json', text);
		setStatus(t('popupDownloaded', name));
	};
	return (
		<section class="section" aria-labelledby="export">
			<h2 id="export">{t('popupExport')}</h2>
			<p class="section-note">{t('popupExportIntro')}</p>
			<div class="button-row">
				<button type="button" data-testid="copy-md" onClick={() => void copy('md')}>{t('popupCopyMarkdown')}</button>
				<button type="button" data-testid="copy-json" onClick={() => void copy('json')}>{t('popupCopyJson')}</button>
				<button type="button" data-testid="download-md" onClick={() => download('md')}>{t('popupDownloadMarkdown')}</button>
				<button type="button" data-testid="download-json" onClick={() => download('json')}>{t('popupDownloadJson')}</button>
			</div>
			<p class="status" role="status" data-testid="export-status">{status}</p>
		</section>
	);
}
