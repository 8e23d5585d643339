/**
 * The words of the exported report and of the "wrong fact" draft, taken from
 * the message files so both read in the user's language. Core builds the
 * documents; this only hands it the vocabulary.
 */
import type { FactField, FeedbackText } from '../core/feedback.ts';
import type { ReportText } from '../core/report-markdown.ts';
import { t, tCount, type MessageKey } from '../shared/i18n.ts';
import { CERT_STATUS } from '../ui/vendor-card-view.tsx';

export function reportText(): ReportText {
	return {
		title: t('reportTitle'),
		page: t('reportPage'),
		generated: t('reportGenerated'),
		dataset: (version, date) => t('popupDataVersion', version, date),
		summary: t('reportSummary'),
		noVendors: t('popupNoVendors'),
		vendorColumn: t('reportVendorColumn'),
		levelColumn: t('reportLevelColumn'),
		mentionsColumn: t('reportMentionsColumn'),
		vendors: t('reportVendors'),
		offeringOf: (provider) => t('cardOfferingOf', provider),
		mentions: (count) => tCount(count, 'popupMentionsOne', 'popupMentionsMany'),
		why: t('cardWhy'),
		operator: t('cardOperator'),
		owners: t('cardOwners'),
		controller: t('cardController'),
		licensor: t('cardLicensor'),
		laws: t('cardLaws'),
		noLaws: t('cardNoLaws'),
		certifications: t('cardCerts'),
		noCertifications: t('cardNoCerts'),
		certStatus: {
			'qualified': t(CERT_STATUS.qualified),
			'in-process': t(CERT_STATUS['in-process']),
			'withdrawn': t(CERT_STATUS.withdrawn),
			'expired': t(CERT_STATUS.expired),
			'none-known': t(CERT_STATUS['none-known']),
		},
		disputed: t('cardDisputed'),
		says: (who) => t('cardClaims', who),
		sources: t('cardSources'),
		retrieved: (date) => t('dateRetrieved', date),
		circa: (date) => t('dateCirca', date),
		lastVerified: (date) => t('reportLastVerified', date),
		contested: t('cardContested'),
		confidence: { 'single-source': t('confidenceSingle'), 'unverified': t('confidenceUnverified') },
		legalContext: t('popupLegal'),
		reachesHere: t('reportReachesHere'),
		status: (date) => t('reportStatus', date),
		timeSensitive: (date) => t('legalTimeSensitive', date),
		officialRef: t('legalOfficialRef'),
		method: t('reportMethod'),
		methodLink: t('popupMethod'),
	};
}

export function methodNotes(): { note: string; limits: string } {
	return { note: t('reportMethodNote'), limits: t('reportLimitsNote') };
}

export function feedbackText(): FeedbackText {
	return {
		title: (vendor, field) => t('feedbackTitle', vendor, field),
		vendor: t('feedbackVendor'),
		field: t('feedbackField'),
		current: t('feedbackCurrent'),
		none: t('popupReportNone'),
		dataset: (version, date) => t('popupDataVersion', version, date),
		whatIsWrong: t('feedbackWhat'),
		source: t('feedbackSource'),
		footer: t('feedbackFooter'),
	};
}

export const FIELD_LABELS: Record<FactField, MessageKey> = {
	level: 'fieldLevel',
	controller: 'fieldController',
	owners: 'fieldOwners',
	operator: 'fieldOperator',
	licensor: 'fieldLicensor',
	laws: 'fieldLaws',
	certifications: 'fieldCertifications',
	regions: 'fieldRegions',
	description: 'fieldDescription',
	sources: 'fieldSources',
	other: 'fieldOther',
};
