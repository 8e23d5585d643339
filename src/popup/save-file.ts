/**
 * Getting a report out of the popup without any extra permission: the
 * clipboard (a user gesture is enough for writeText) and a download through
 * an <a download> on a blob URL, which needs no "downloads" permission.
 */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}

export function downloadText(fileName: string, mime: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
	const anchor = document.createElement('a');
	anchor.href = url;
	anchor.download = fileName;
	anchor.hidden = true;
	document.body.append(anchor);
	anchor.click();
	anchor.remove();
	// The download has taken its copy by the next task; a minute is generous for slow disks.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
