/**
 * "This site": when the page is on a vendor's own domain (ovhcloud.com,
 * azure.microsoft.com…), that vendor's full profile, shown before anything
 * else, since it is what the reader is looking at.
 */
import type { JSX } from 'preact';
import type { VendorCard } from '../core/card.ts';
import type { SiteVendor } from '../core/site.ts';
import { t } from '../shared/i18n.ts';
import { VendorCardView } from '../ui/vendor-card-view.tsx';
import { openLegal } from './open-legal.ts';

export function ThisSite({ site, card }: { site: SiteVendor; card: VendorCard }): JSX.Element {
	return (
		<section class="section this-site" aria-labelledby="this-site" data-testid="this-site" data-vendor={card.offering ?? card.vendor}>
			<h2 id="this-site">{t('popupThisSite')}</h2>
			<p class="section-note">{t('popupThisSiteIntro', card.name, site.domain)}</p>
			<div class="panel">
				<VendorCardView card={card} headingId="this-site-vendor" level={3} full={false} onLegal={openLegal} />
			</div>
		</section>
	);
}
