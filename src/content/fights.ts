/**
 * Blocks whose page fights our badges. Some pages put back whatever they did
 * not write themselves: a framework that owns its view and renders it again
 * when a foreign node shows up, or a guard against injected elements. Each
 * badge we insert there is taken out at once and the page renders again (its
 * state, such as a selection, with it); our rescan finds the name again and
 * the badge goes back in: a loop, for as long as the tab is open. Where we put
 * a badge back at once (badges.ts `splitAgain` and `follow`), a guard that
 * answers at once makes it a loop of microtasks: the tab hangs.
 *
 * What tells a fight from a page that lives (a counter, search results, a
 * new view): the page puts back the same text, soon after our badge went in,
 * and it is not known to write there on its own. A page is seen writing on
 * its own when it changes a block with no badge of ours put there for a
 * while (`sawLive`): a status rewritten every 200 ms, unchanged, is live; a
 * guard, quiet while a block rests, is not.
 * Such a fight counts against the block, or against the block's parent when
 * the page replaced the block itself. And whatever the text, a badge put back
 * at once more than PUT_BACKS_PER_TASK times before the event loop moves on
 * to another task, or more than BURST_PUT_BACKS times in BURST_MS, is a loop,
 * which is a fight too. The first limit is what stops a loop of microtasks,
 * however slow each turn: it never reaches another task.
 *
 * From the second fight on, the block rests (marks only, which are not in
 * the DOM) for REST_MS, twice as long after each further fight, up to
 * LONGEST_REST_MS: a page that stops fighting (a streamed answer that is
 * complete) gets its badges back, one that never stops costs a render a
 * minute. A block with no fight for FORGET_MS (after its rest) starts again
 * from none.
 */

/** The same text back this soon after our badge went in: a fight. A debounced render comes within a few frames. */
export const FOUGHT_WITHIN_MS = 500;
/** A progress counter rewritten every frame puts its badge back about 6 times in 100 ms; a loop, thousands. */
export const BURST_PUT_BACKS = 12;
export const BURST_MS = 100;
/** A live block is put back once per task, or once for each of its nodes the page wrote in that task; a loop of answers, without end. */
export const PUT_BACKS_PER_TASK = 8;
/** How long badges taken out wait for the page's next text there to say whether that was a fight. */
const CONFIRM_WITHIN_MS = 2000;
const REST_MS = 2000;
const LONGEST_REST_MS = 60_000;
const FORGET_MS = 30_000;
/** How long a block seen writing on its own counts as live. */
const LIVE_MS = 30_000;

interface Record {
	fights: number;
	until: number;
	lastFight: number;
	/** When the last fight was noticed: badges taken out by one change of the page are one fight. */
	noticedAt: number;
}

interface Burst {
	since: number;
	count: number;
}

export class Fights {
	private readonly records = new WeakMap<object, Record>();
	private readonly bursts = new WeakMap<object, Burst>();
	private readonly suspects = new WeakMap<object, { texts: string[]; at: number }>();
	private readonly live = new WeakMap<object, number>();
	/** Put-backs per block in the current task (see `countThisTask`). */
	private thisTask: Map<object, number> | undefined;

	/**
	 * The page put back the text of `block` (its parent then is `parent`)
	 * after our badge went in there at `placedAt`. Counted when that was soon
	 * enough; against the parent when the page has thrown the block away.
	 */
	sameTextBack(block: Element, parent: Element | null, placedAt: number, now: number): void {
		const key = block.isConnected || !parent ? block : parent;
		if (now - placedAt <= FOUGHT_WITHIN_MS && !this.isLive(key, now) && !this.isLive(block, now)) this.fight(key, now);
	}

	/** The page changed `key` (a block, or the parent whose blocks it replaces) with no badge of ours put there lately. */
	sawLive(key: Element, now: number): void {
		this.live.set(key, now);
	}

	private isLive(key: object, now: number): boolean {
		const at = this.live.get(key);
		return at !== undefined && now - at < LIVE_MS;
	}

	/**
	 * A badge of `block` is being put back at once. Returns false, and counts
	 * a fight that rests the block now, when that happens in a burst: the
	 * caller then leaves the name with its mark only.
	 */
	putBack(block: Element, now: number): boolean {
		if (!this.countThisTask(block)) {
			this.fight(block, now, 2);
			return false;
		}
		const burst = this.bursts.get(block);
		if (!burst || now - burst.since > BURST_MS) {
			this.bursts.set(block, { since: now, count: 1 });
			return true;
		}
		if (++burst.count <= BURST_PUT_BACKS) return true;
		this.bursts.delete(block);
		// A loop is no accident: it rests the block at once, as a second fight would.
		this.fight(block, now, 2);
		return false;
	}

	/**
	 * Badges taken out of `block` soon after `placedAt`, by a change that may
	 * be a fight: the page's next text there tells (`confirm`). The key is the
	 * block, or its parent when the page threw the block away.
	 */
	takenOut(block: Element, parent: Element | null, text: string, placedAt: number, now: number): void {
		if (now - placedAt > FOUGHT_WITHIN_MS || text === '') return;
		const key = block.isConnected || !parent ? block : parent;
		const suspect = this.suspects.get(key);
		// Taken out by the same change as another badge there: one suspect, with both texts.
		if (suspect?.at === now) suspect.texts.push(text);
		else this.suspects.set(key, { texts: [text], at: now });
	}

	/**
	 * Names of `block` are about to get badges, in the text nodes `nodes`
	 * gives (asked only where badges were just taken out): if this is their
	 * text back, that was a fight.
	 */
	confirm(block: Element, nodes: () => readonly Text[], now: number): void {
		for (const key of [block, block.parentElement]) {
			const suspect = key ? this.suspects.get(key) : undefined;
			if (!key || !suspect) continue;
			if (now - suspect.at > CONFIRM_WITHIN_MS) {
				this.suspects.delete(key);
				continue;
			}
			// A text node our badge split was a start of the page's node (badges split the last name first).
			if (!nodes().some((node) => suspect.texts.some((old) => node.data.startsWith(old)))) continue;
			this.suspects.delete(key);
			if (!this.isLive(key, now)) this.fight(key, now);
		}
	}

	/** Counts a put-back in the current task; false past PUT_BACKS_PER_TASK. The count ends with the task. */
	private countThisTask(block: object): boolean {
		if (!this.thisTask) {
			const counts = new Map<object, number>();
			this.thisTask = counts;
			// A message is a task of its own, after the microtasks queued now (a timer may wait longer).
			const channel = new MessageChannel();
			channel.port1.onmessage = () => {
				if (this.thisTask === counts) this.thisTask = undefined;
				channel.port1.close();
			};
			channel.port2.postMessage(undefined);
		}
		const count = (this.thisTask.get(block) ?? 0) + 1;
		this.thisTask.set(block, count);
		return count <= PUT_BACKS_PER_TASK;
	}

	private fight(key: object, now: number, weight = 1): void {
		let record = this.records.get(key);
		// Quiet for FORGET_MS since its last fight, or since its rest ended: a fresh start.
		if (!record || now - Math.max(record.lastFight, record.until) > FORGET_MS) {
			record = { fights: 0, until: 0, lastFight: 0, noticedAt: -1 };
			this.records.set(key, record);
		}
		if (record.noticedAt === now) return;
		record.noticedAt = now;
		record.lastFight = now;
		record.fights += weight;
		if (record.fights >= 2) record.until = now + Math.min(LONGEST_REST_MS, REST_MS * 2 ** (record.fights - 2));
	}

	/** Until when `block` gets no badge (its own fights or its parent's), or 0 when it may have them now. */
	restingUntil(block: Element, now: number): number {
		const until = Math.max(this.records.get(block)?.until ?? 0, block.parentElement ? (this.records.get(block.parentElement)?.until ?? 0) : 0);
		return until > now ? until : 0;
	}
}
