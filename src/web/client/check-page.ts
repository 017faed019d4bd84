/**
 * The browser side of "Am I affected?" (bundled by esbuild into /static/check.js). Everything that touches
 * what the person typed happens here: canonicalisation, blinding, finalising, matching, decrypting. The
 * network only ever sees blinded elements and bucket numbers (src/modules/lookup/client.ts).
 */
import type { CheckPageData } from '../ui/check-page.js';
import { createHttpTransport, LookupError, prepareLookup, runLookup, type LookupResult } from '../../modules/lookup/client.js';
import { assessExposure } from '../../modules/exposure/exposure.js';
import { buildActionPlan, PLAN_COUNTRIES, type PlanCountry } from '../../modules/action-plan/action-plan.js';
import { PLAN_MESSAGES } from '../../modules/action-plan/plan-messages.js';
import { renderPlanView } from '../../modules/action-plan/plan-view.js';
import type { renderPlanPdf } from '../../modules/action-plan/plan-pdf.js';

/** Where ticked steps are kept: this browser only. Only step ids (e.g. "contest-direct-debits"), no identifier. */
const TICKS_KEY = 'breachdesk:plan-ticks:v1';

function loadTicks(): Set<string> {
  try {
    const raw = window.localStorage.getItem(TICKS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set(); // storage blocked (private mode, policy): ticks then last as long as the page
  }
}

function saveTicks(ticks: ReadonlySet<string>): void {
  try {
    if (ticks.size === 0) window.localStorage.removeItem(TICKS_KEY);
    else window.localStorage.setItem(TICKS_KEY, JSON.stringify([...ticks].sort()));
  } catch {
    // as above: nothing to do
  }
}

/** Loads /static/plan-pdf.js once, on the first request for a PDF. */
let pdfScript: Promise<NonNullable<typeof globalThis.breachdeskPlanPdf>> | undefined;
function planPdfWriter(): Promise<NonNullable<typeof globalThis.breachdeskPlanPdf>> {
  pdfScript ??= new Promise((resolve, reject) => {
    if (globalThis.breachdeskPlanPdf) return resolve(globalThis.breachdeskPlanPdf);
    const script = document.createElement('script');
    script.src = '/static/plan-pdf.js';
    script.onload = () =>
      globalThis.breachdeskPlanPdf ? resolve(globalThis.breachdeskPlanPdf) : reject(new Error('plan-pdf.js defined nothing'));
    script.onerror = () => reject(new Error('plan-pdf.js did not load'));
    document.head.append(script);
  });
  pdfScript.catch(() => {
    pdfScript = undefined;
  });
  return pdfScript;
}

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

declare global {
  // Set by /static/plan-pdf.js (src/web/client/plan-pdf.ts); a type-only import, so pdf-lib is not bundled here.
  var breachdeskPlanPdf: typeof renderPlanPdf | undefined;
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

  const defaultCountry = (result: LookupResult): PlanCountry => {
    const countries = new Set(result.matches.map((match) => data.breaches[match.slug]?.country));
    const only = countries.size === 1 ? [...countries][0] : undefined;
    if (only === 'FR' || only === 'SE') return only;
    return data.locale === 'fr' ? 'FR' : data.locale === 'sv' ? 'SE' : 'other';
  };

  /** The personal action plan: a checklist kept in this browser, and a PDF made in this browser. */
  const renderPlan = (result: LookupResult, country: PlanCountry): HTMLElement => {
    const exposure = assessExposure(result.matches);
    const breachTitles = Object.fromEntries(Object.entries(data.breaches).map(([slug, b]) => [slug, b.title]));
    const view = renderPlanView(buildActionPlan(exposure, { country }), exposure, {
      locale: data.locale,
      breachTitles,
      classLabels: data.classLabels,
    });
    const section = el('section', undefined, { class: 'plan', id: 'plan', 'aria-labelledby': 'plan-title', 'data-country': country });
    section.append(el('h2', view.title, { id: 'plan-title' }), el('p', view.intro));

    const countryField = el('div', undefined, { class: 'field plan-country' });
    countryField.append(el('label', m.planCountry, { for: 'plan-country' }));
    const select = el('select', undefined, { id: 'plan-country' });
    for (const code of PLAN_COUNTRIES) {
      const option = el('option', PLAN_MESSAGES[data.locale].countries[code], { value: code });
      option.selected = code === country;
      select.append(option);
    }
    select.addEventListener('change', () => {
      const next = select.value as PlanCountry;
      section.replaceWith(renderPlan(result, PLAN_COUNTRIES.includes(next) ? next : country));
      document.getElementById('plan-country')?.focus();
    });
    countryField.append(select);
    section.append(countryField);

    if (view.summary.classes.length > 0) {
      section.append(el('h3', view.summary.heading));
      const list = el('ul', undefined, { class: 'plan-summary' });
      for (const c of view.summary.classes)
        list.append(el('li', `${c.label}${view.labels.colon}${c.breaches.join(', ')}`, { 'data-class': c.code }));
      section.append(list);
    }

    const ticks = loadTicks();
    section.append(el('p', m.planTicksNote, { class: 'hint' }));
    let currentUrgency = '';
    let list: HTMLOListElement | null = null;
    for (const step of view.steps) {
      if (step.urgency !== currentUrgency || !list) {
        currentUrgency = step.urgency;
        section.append(el('h3', step.urgencyLabel, { class: `urgency urgency-${step.urgency}` }));
        list = el('ol', undefined, { class: 'plan-steps' });
        section.append(list);
      }
      const item = el('li', undefined, { 'data-step': step.id, 'data-urgency': step.urgency });
      const head = el('div', undefined, { class: 'step-head' });
      const box = el('input', undefined, { type: 'checkbox', id: `step-${step.id}` });
      box.checked = ticks.has(step.id);
      box.addEventListener('change', () => {
        const now = loadTicks();
        if (box.checked) now.add(step.id);
        else now.delete(step.id);
        saveTicks(now);
        item.classList.toggle('done', box.checked);
      });
      item.classList.toggle('done', box.checked);
      head.append(box, el('label', step.title, { for: `step-${step.id}` }));
      item.append(head);
      for (const why of step.why) item.append(el('p', why, { class: 'why' }));
      const actions = el('ul', undefined, { class: 'step-actions' });
      for (const action of step.actions) actions.append(el('li', action));
      item.append(actions);
      if (step.deadline) item.append(el('p', `${view.labels.deadline}${view.labels.colon}${step.deadline}`, { class: 'deadline' }));
      if (step.sources.length > 0) {
        const sources = el('p', `${view.labels.sources}${view.labels.colon}`, { class: 'sources' });
        step.sources.forEach((source, i) => {
          if (i > 0) sources.append(' · ');
          sources.append(el('a', source.label, { href: source.url, rel: 'noreferrer noopener', target: '_blank' }));
        });
        item.append(sources);
      }
      list.append(item);
    }
    section.append(el('p', view.disclaimer, { class: 'hint disclaimer' }));

    const buttons = el('div', undefined, { class: 'plan-buttons' });
    const download = el('button', m.planDownload, { type: 'button', id: 'plan-pdf' });
    const status = el('p', undefined, { class: 'hint', role: 'status' });
    download.addEventListener('click', () => {
      download.disabled = true;
      status.textContent = m.planPreparing;
      planPdfWriter()
        .then((write) => write(view, { generatedOn: todayIso(), ticked: loadTicks() }))
        .then((bytes) => {
          const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }));
          const link = el('a', undefined, { href: url, download: `breachdesk-plan-${todayIso()}.pdf` });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
          status.textContent = '';
        })
        .catch(() => {
          status.textContent = m.planPdfFailed;
        })
        .finally(() => {
          download.disabled = false;
        });
    });
    const forget = el('button', m.planForgetTicks, { type: 'button', class: 'secondary', id: 'plan-forget' });
    forget.addEventListener('click', () => {
      saveTicks(new Set());
      for (const box of section.querySelectorAll<HTMLInputElement>('ol.plan-steps input[type="checkbox"]')) box.checked = false;
      for (const item of section.querySelectorAll('ol.plan-steps > li')) item.classList.remove('done');
    });
    buttons.append(download, forget);
    section.append(buttons, status);
    return section;
  };

  /** "Email me about future breaches": only what the browser derived from the OPRF outputs is sent. */
  const renderAlerts = (result: LookupResult): HTMLElement => {
    const section = el('section', undefined, { class: 'alerts', id: 'alerts', 'aria-labelledby': 'alerts-title' });
    section.append(el('h2', m.alertsTitle, { id: 'alerts-title' }), el('p', m.alertsIntro), el('p', m.alertsKept, { class: 'hint' }));
    const form = el('form', undefined, { id: 'alerts-form', novalidate: '' });
    const fieldset = el('fieldset');
    fieldset.append(el('legend', m.alertsWatch));
    const fields = [...new Set(result.watches.map((w) => w.field))];
    for (const field of fields) {
      const row = el('div', undefined, { class: 'choice' });
      const box = el('input', undefined, { type: 'checkbox', id: `watch-${field}`, value: field });
      box.checked = true;
      row.append(box, el('label', data.fieldLabels[field] ?? field, { for: `watch-${field}` }));
      fieldset.append(row);
    }
    const emailField = el('div', undefined, { class: 'field' });
    const email = el('input', undefined, { id: 'alerts-email', type: 'email', autocomplete: 'email', spellcheck: 'false' });
    emailField.append(el('label', m.alertsEmail, { for: 'alerts-email' }), email);
    const submit = el('button', m.alertsSubmit, { type: 'submit' });
    const status = el('p', undefined, { class: 'alerts-status', role: 'status' });
    form.append(fieldset, emailField, submit);
    section.append(form, status);

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = new Set(fields.filter((f) => (document.getElementById(`watch-${f}`) as HTMLInputElement | null)?.checked));
      const watches = result.watches.filter((w) => chosen.has(w.field)).map(({ epoch, bucketHash, tag }) => ({ epoch, bucketHash, tag }));
      const say = (text: string, kind: string) => {
        status.textContent = text;
        status.dataset['state'] = kind;
      };
      if (watches.length === 0) return say(m.alertsChooseOne, 'problem');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value.trim())) return say(m.alertsBadEmail, 'problem');
      submit.disabled = true;
      fetch(`${apiBase}/api/v1/alerts/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email.value.trim(), locale: data.locale, watches }),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      })
        .then(async (res) => {
          if (res.status === 202) return say(m.alertsSent, 'sent');
          if (res.status === 429) return say(fill(m.alertsRateLimited, { s: res.headers.get('retry-after') ?? '60' }), 'problem');
          if (res.status === 400) {
            const problem = (await res.json().catch(() => ({}))) as { errors?: { path: string }[] };
            const paths = (problem.errors ?? []).map((e) => e.path);
            if (paths.some((p) => p === 'email')) return say(m.alertsBadEmail, 'problem');
            if (paths.some((p) => p.endsWith('.epoch'))) return say(m.alertsStale, 'problem');
          }
          return say(m.alertsFailed, 'problem');
        })
        .catch(() => say(m.alertsFailed, 'problem'))
        .finally(() => {
          submit.disabled = false;
        });
    });
    return section;
  };

  const renderResult = (result: LookupResult): Node[] => {
    if (result.matches.length === 0) {
      const nodes: Node[] = [el('p', m.notFound, { class: 'not-found' })];
      if (result.checked.includes('nameDob')) nodes.push(el('p', m.notFoundCaveat, { class: 'hint' }));
      if (data.alerts && result.watches.length > 0) nodes.push(renderAlerts(result));
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
      heading.append(
        el('a', breach?.title ?? match.slug, {
          href: breach?.href ?? `/breaches/${match.slug}`,
          ...(breach && breach.titleLang !== data.locale ? { lang: breach.titleLang } : {}),
        }),
      );
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
    nodes.push(renderPlan(result, defaultCountry(result)));
    if (data.alerts && result.watches.length > 0) nodes.push(renderAlerts(result));
    return nodes;
  };

  /**
   * A notice from a breached organisation links here with what of the person was exposed in the fragment
   * (#plan=<breach>:<class>,<class>), which the browser never sends: the plan is shown at once, from that.
   */
  const fromNotice = /^#plan=([a-z0-9-]{1,80}):([a-z0-9,-]{0,2000})$/.exec(window.location.hash);
  if (fromNotice) {
    const slug = fromNotice[1]!;
    const classes = fromNotice[2]!.split(',').filter((c) => c in data.classLabels);
    if (classes.length > 0) {
      const result: LookupResult = {
        epoch: 0,
        publication: '',
        checked: [],
        matches: [{ breachId: 0, slug, classes, fields: [] }],
        watches: [],
      };
      const list = el('ul', undefined, { class: 'classes' });
      for (const c of classes) list.append(el('li', data.classLabels[c] ?? c, { 'data-class': c }));
      show([
        el('p', fill(m.fromNotice, { breach: data.breaches[slug]?.title ?? slug }), { class: 'from-notice' }),
        el('p', m.exposedTitle, { class: 'label' }),
        list,
        renderPlan(result, defaultCountry(result)),
      ]);
    }
  }

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
