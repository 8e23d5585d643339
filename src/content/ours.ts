/**
 * How our own nodes are recognised: one custom element name for every host we
 * insert. The name carries a per-load random suffix, so a page cannot style
 * or query it by a fixed selector, and scanning can always skip it.
 */
const suffix = Math.random().toString(36).slice(2, 8);
export const HOST_TAG = `whose-cloud-${suffix}`;

export const isOurs = (element: Element): boolean => element.localName === HOST_TAG;
