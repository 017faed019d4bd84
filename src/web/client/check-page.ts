/**
 * The browser side of "Am I affected?" (bundled by esbuild into /static/check.js). Everything that touches
 * what the person typed happens here: canonicalisation, blinding, finalising, matching, decrypting. The
 * network only ever sees blinded elements and bucket numbers (src/modules/lookup/client.ts).
 */
import type { CheckPageData } from '../ui/check-page.js';
import { createHttpTransport, LookupError, prepareLookup, runLookup, type LookupResult } from '../../modules/lookup/client.js';

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function value(id: string): string {
  const node = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
  return node ? node.value : '';
}

function start(): void {
  const dataNode = document.getElementById('check-data');
  const form = document.getElementById('check-form') as HTMLFormElement | null;
  const section = document.getElementById('check-result');
  const output = document.getElementById('check-output');
  const title = document.getElementById('result-title');
  if (!dataNode || !form || !section || !output || !title) return;
  const data = JSON.parse(dataNode.textContent ?? '{}') as CheckPageData;
  const { m } = data;
  const apiBase = data.apiBase || window.location.origin;
  const transport = createHttpTransport({ apiBase, ...(data.bucketsBase ? { bucketsBase: data.bucketsBase } : {}) });
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');

  const show = (nodes: Node[]) => {
    output.replaceChildren(...nodes);
    section.hidden = false;
    title.focus();
  };

  const renderResult = (result: LookupResult): Node[] => {
    if (result.matches.length === 0) {
      const nodes: Node[] = [el('p', m.notFound, { class: 'not-found' })];
      if (result.checked.includes('nameDob')) nodes.push(el('p', m.notFoundCaveat, { class: 'hint' }));
      return nodes;
    }
    const nodes: Node[] = [
      el('p', result.matches.length === 1 ? m.foundOne : fill(m.foundMany, { n: result.matches.length }), { class: 'found' }),
    ];
    const list = el('ul', undefined, { class: 'matches' });
    for (const match of result.matches) {
      const breach = data.breaches[match.slug];
      const item = el('li', undefined, { 'data-breach': match.slug });
      const heading = el('h3');
      heading.append(el('a', breach?.title ?? match.slug, { href: breach?.href ?? `/breaches/${match.slug}` }));
      item.append(heading);
      item.append(el('p', m.exposedTitle, { class: 'label' }));
      const classes = el('ul', undefined, { class: 'classes' });
      for (const c of match.classes) classes.append(el('li', data.classLabels[c] ?? c, { 'data-class': c }));
      item.append(classes);
      item.append(
        el('p', fill(m.foundBy, { fields: match.fields.map((f) => data.fieldLabels[f] ?? f).join(', ') }), { class: 'found-by' }),
      );
      const more = el('p');
      more.append(el('a', m.breachPage, { href: breach?.href ?? `/breaches/${match.slug}` }));
      item.append(more);
      list.append(item);
    }
    nodes.push(list);
    return nodes;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const prepared = prepareLookup(
      {
        email: value('email'),
        phone: value('phone'),
        frNir: value('fr-nir'),
        sePersonnummer: value('se-personnummer'),
        nameDob: { surname: value('surname'), givenNames: value('given-name'), birthDate: value('birth-date') },
      },
      { today: todayIso(), defaultRegion: value('phone-country') || 'FR' },
    );
    if (prepared.problems.length > 0) {
      show(
        prepared.problems.map((p) =>
          el('p', fill(m.fieldProblem, { field: data.fieldLabels[p.field] ?? p.field, reason: data.reasons[p.reason] ?? p.reason }), {
            class: 'problem',
            'data-field': p.field,
            'data-reason': p.reason,
          }),
        ),
      );
      return;
    }
    if (prepared.inputs.length === 0) {
      show([el('p', m.nothingEntered, { class: 'problem' })]);
      return;
    }
    if (button) button.disabled = true;
    show([el('p', m.checking, { class: 'progress' })]);
    runLookup(prepared.inputs, transport)
      .then((result) => show(renderResult(result)))
      .catch((error: unknown) => {
        const code = error instanceof LookupError ? error.code : 'protocol';
        const text =
          code === 'rate-limited'
            ? fill(m.errorRateLimited, { s: error instanceof LookupError ? (error.retryAfterSeconds ?? 60) : 60 })
            : code === 'unavailable'
              ? m.errorUnavailable
              : code === 'verification-failed' || code === 'key-mismatch'
                ? m.errorVerification
                : m.errorProtocol;
        show([el('p', text, { class: 'problem', 'data-error': code })]);
      })
      .finally(() => {
        if (button) button.disabled = false;
      });
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
