/**
 * A tiny DOM builder. Every string becomes a text node (never HTML), so names typed by
 * trainees and scenario text can go straight in.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes; `false`/`undefined` leave one out, `true` sets it empty. */
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
  /** A stable name so focus survives a re-render (see keepFocus). */
  key?: string;
  lang?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props?.class) node.className = props.class;
  if (props?.key) node.dataset.key = props.key;
  if (props?.lang) node.lang = props.lang;
  for (const [k, v] of Object.entries(props?.attrs ?? {})) {
    if (v === false || v === undefined) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const [k, f] of Object.entries(props?.on ?? {})) node.addEventListener(k, f as EventListener);
  append(node, children);
  return node;
}

export function append(node: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replace a container's content, keeping keyboard focus on the element with the same key. */
export function keepFocus(container: HTMLElement, render: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  render();
  if (!key) return;
  const again = container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  if (again && !(again as HTMLButtonElement).disabled) again.focus({ preventScroll: true });
}

/** Replace a container's content with new children (focus kept by key). */
export function fill(container: HTMLElement, ...children: (Child | Child[])[]): void {
  keepFocus(container, () => {
    container.replaceChildren();
    append(container, children);
  });
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
};

/** A button; `key` keeps focus on it across re-renders. */
export function button(label: string, onClick: () => void, o: { key?: string; class?: string; disabled?: boolean; pressed?: boolean; attrs?: Props['attrs'] } = {}): HTMLButtonElement {
  return el(
    'button',
    {
      class: o.class ?? 'btn',
      key: o.key,
      attrs: { type: 'button', disabled: o.disabled, 'aria-pressed': o.pressed === undefined ? undefined : String(o.pressed), ...o.attrs },
      on: { click: () => onClick() },
    },
    label,
  );
}

/** Show a new screen; if the keyboard was on the old one, it moves to the new heading. */
export function moveTo(app: HTMLElement, root: HTMLElement): void {
  const active = document.activeElement;
  const hadFocus = !!active && active !== app && app.contains(active);
  app.replaceChildren(root);
  if (!hadFocus) return;
  const h = root.querySelector<HTMLElement>('h1, h2');
  if (h) {
    h.tabIndex = -1;
    h.focus({ preventScroll: true });
  }
}
