/**
 * Blocks whose page fights our badges. Some pages re-render whatever they did
 * not write themselves: a framework that owns its view and puts it back when
 * a foreign node shows up, or a guard against injected elements. Each badge
 * we insert there is taken out at once, the page re-renders (its state, such
 * as a selection, with it), our rescan finds the name again, and the badge
 * goes back in: a loop, twice a second or more, for as long as the tab is open.
 *
 * A badge taken out as soon as it went in counts as a fight against its
 * block, or against the block's parent when the page replaced the block
 * itself. From the second fight on, the block rests (marks only, which are
 * not in the DOM) for REST_MS, twice as long after each further fight,
 * up to LONGEST_REST_MS: a page that stops fighting (a streamed answer that
 * is complete) gets its badges back, one that never stops costs a re-render
 * a minute.
 */

/**
 * The page's reaction to our insertion comes within a frame or two. Seen as
 * it happens (the observer on the nodes our badges split), a removal this
 * soon is a fight; a live counter rewritten four times a second is not.
 */
export const FOUGHT_AT_ONCE_MS = 100;
/** Noticed by a later scan instead, whose idle step may come late. */
export const FOUGHT_WITHIN_MS = 500;
const REST_MS = 2000;
const LONGEST_REST_MS = 60_000;

interface Record {
	fights: number;
	until: number;
	/** The flush that placed the badges of the last fight: badges placed together and taken out together are one fight. */
	placedAt: number;
}

export class Fights {
	private readonly records = new WeakMap<object, Record>();

	/**
	 * A badge placed at `placedAt` (the time of the flush that placed it) left
	 * `block` at `now`. `parent` is the block's parent when the badge went in:
	 * where the fight is counted once the page has thrown the block itself away.
	 * `seenAtOnce`: noticed as it happened, not by a later scan.
	 */
	removed(block: Element, parent: Element | null, placedAt: number, now: number, seenAtOnce = false): void {
		if (now - placedAt > (seenAtOnce ? FOUGHT_AT_ONCE_MS : FOUGHT_WITHIN_MS)) return;
		const key = block.isConnected || !parent ? block : parent;
		const record = this.records.get(key) ?? { fights: 0, until: 0, placedAt: -1 };
		if (record.placedAt === placedAt) return;
		record.placedAt = placedAt;
		record.fights++;
		if (record.fights >= 2) record.until = now + Math.min(LONGEST_REST_MS, REST_MS * 2 ** (record.fights - 2));
		this.records.set(key, record);
	}

	/** Until when `block` gets no badge (its own fights or its parent's), or 0 when it may have them now. */
	restingUntil(block: Element, now: number): number {
		const until = Math.max(this.records.get(block)?.until ?? 0, block.parentElement ? (this.records.get(block.parentElement)?.until ?? 0) : 0);
		return until > now ? until : 0;
	}
}
