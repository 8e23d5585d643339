/**
 * The manifest's permissions are a promise to users. This test pins them, and
 * checks that the README explains each one: adding a permission means
 * changing this test and the README's table together, on purpose.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${root}manifest.json`, 'utf8')) as {
	permissions?: string[];
	optional_permissions?: string[];
	host_permissions?: string[];
	web_accessible_resources?: unknown;
	content_scripts?: Array<{ matches: string[]; js: string[]; all_frames?: boolean; match_about_blank?: boolean }>;
	browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
	content_security_policy?: { extension_pages?: string };
	background?: { service_worker?: string };
};
const readme = readFileSync(`${root}README.md`, 'utf8');

describe('manifest permissions', () => {
	it('asks for storage only, with no host permissions and nothing web-accessible', () => {
		expect(manifest.permissions).toEqual(['storage']);
		expect(manifest.optional_permissions).toBeUndefined();
		expect(manifest.host_permissions).toBeUndefined();
		expect(manifest.web_accessible_resources).toBeUndefined();
	});

	it('runs its content scripts (an early style one, the main one) on http and https pages only', () => {
		expect(manifest.content_scripts).toHaveLength(2);
		for (const script of manifest.content_scripts ?? []) expect(script.matches).toEqual(['http://*/*', 'https://*/*']);
	});

	it('explains every permission and the content-script hosts in the README', () => {
		const table = readme.slice(readme.indexOf('## Permissions'));
		for (const permission of manifest.permissions ?? []) expect(table).toContain(`| \`${permission}\` |`);
		for (const match of manifest.content_scripts?.[0]?.matches ?? []) expect(table).toContain(`\`${match}\``);
	});

	it('declares no data collection to Firefox and forbids network access from extension pages', () => {
		expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/@/);
		expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
		expect(manifest.content_security_policy?.extension_pages).toContain("connect-src 'none'");
		expect(manifest.background?.service_worker).toBeTruthy();
	});
});
