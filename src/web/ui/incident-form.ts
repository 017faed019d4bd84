import type { StoredIncident } from '../../modules/incidents/index.js';
import type { DeskContext, SessionInfo } from '../../modules/organisations/index.js';
import { can } from '../../modules/organisations/index.js';
import type { FieldIssue } from '../../platform/errors.js';
import {
  keptValue,
  rowCount,
  SECTION_KEYS,
  SECTIONS,
  sectionFilled,
  sectionValues,
  VOCABULARIES,
  type FieldSpec,
  type FormValues,
  type GroupSpec,
  type RowsSpec,
  type SectionKey,
  type SectionSpec,
} from '../incident-sections.js';
import { CONSOLE_MESSAGES } from './console-pages.js';
import { html, type SafeHtml } from './html.js';
import { fieldLabel, INCIDENT_FORM_MESSAGES, optionLabel, sectionTitle, yesNoLabel } from './incident-form-messages.js';
import { href, layout, type PageContext } from './layout.js';

/**
 * The incident's section pages (issue 6): one form per section of the EDPB template, the fields named by
 * their path in the record. A refused form comes back with the person's input, every problem listed at
 * the top (`[role="alert"] li[data-path]`, the record path) and again beside its field. Members who may
 * not write see the values, not the form. No script: repeatable rows are the saved ones plus two blank.
 */

type Desk = DeskContext & { session: SessionInfo | null };

export interface SectionPageState {
  /** What the form shows: the stored values, or what the person sent when it was not saved. */
  readonly values: FormValues;
  /** The revision the form is made from (sent back as `revision`). */
  readonly revision: number;
  readonly problems: { readonly kind: 'invalid' | 'conflict'; readonly issues: readonly FieldIssue[] } | null;
  readonly saved: boolean;
}

const BLANK_ROWS = 2;

const idOf = (name: string): string => `f-${name.replace(/\./g, '-')}`;
const sectionPath = (desk: Desk, incidentId: string, key: SectionKey): string =>
  `/console/${desk.organisation.slug}/incidents/${incidentId}/sections/${key}`;

/** The links to every section, for the incident page. */
export function renderSectionNav(ctx: PageContext, desk: Desk, stored: StoredIncident): SafeHtml {
  const o = INCIDENT_FORM_MESSAGES[ctx.locale];
  return html`<section class="incident-sections" aria-labelledby="sections-title">
    <h2 id="sections-title">${o.sectionsTitle}</h2>
    <p class="hint">${o.sectionsIntro}</p>
    <ol class="section-list">
      ${SECTION_KEYS.map((key) => {
        const filled = sectionFilled(SECTIONS[key], stored.incident);
        return html`<li data-section="${key}" data-filled="${String(filled)}">
          <a href="${href(ctx, sectionPath(desk, stored.incident.id, key))}">${sectionTitle(ctx.locale, key)}</a>
          <span class="hint">(${filled ? o.filled : o.empty})</span>
        </li>`;
      })}
    </ol>
  </section>`;
}

/** Which rendered element (field, group, rows, row) shows each issue: the deepest whose path leads to it. */
function placeIssues(section: SectionSpec, values: FormValues, issues: readonly FieldIssue[]): Map<string, FieldIssue[]> {
  const names = new Set<string>();
  const addGroup = (g: GroupSpec, prefix: string) => {
    names.add(`${prefix}${g.name}`);
    for (const f of g.items) names.add(`${prefix}${f.name}`);
  };
  for (const item of section.items) {
    if (item.type === 'field') names.add(item.name);
    else if (item.type === 'group') addGroup(item, '');
    else {
      names.add(item.name);
      const n = Math.min(rowCount(values, item) + BLANK_ROWS, item.max);
      for (let i = 0; i < n; i++) {
        const prefix = `${item.name}.${i}.`;
        names.add(`${item.name}.${i}`);
        for (const sub of item.items) {
          if (sub.type === 'field') names.add(`${prefix}${sub.name}`);
          else addGroup(sub, prefix);
        }
      }
    }
  }
  const placed = new Map<string, FieldIssue[]>();
  for (const issue of issues) {
    let at = issue.path;
    while (at !== '' && !names.has(at)) at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '';
    if (at === '') continue;
    placed.set(at, [...(placed.get(at) ?? []), issue]);
  }
  return placed;
}

interface FormContext {
  readonly ctx: PageContext;
  readonly values: FormValues;
  readonly issues: Map<string, FieldIssue[]>;
}

const one = (value: string | readonly string[] | undefined): string =>
  value === undefined ? '' : typeof value === 'string' ? value : (value[0] ?? '');
const many = (value: string | readonly string[] | undefined): ReadonlySet<string> =>
  new Set(value === undefined ? [] : typeof value === 'string' ? [value] : value);

function errorsOf(fc: FormContext, name: string): { list: SafeHtml | ''; invalid: boolean; describedBy: string } {
  const issues = fc.issues.get(name) ?? [];
  if (issues.length === 0) return { list: '', invalid: false, describedBy: '' };
  const id = `${idOf(name)}-error`;
  return {
    list: html`<p class="field-error" id="${id}">${issues.map((i) => i.message).join('; ')}</p>`,
    invalid: true,
    describedBy: id,
  };
}

const describedBy = (...ids: string[]): string => ids.filter((i) => i !== '').join(' ');

function renderField(fc: FormContext, spec: FieldSpec, name: string, labelKey: string): SafeHtml {
  const { ctx, values } = fc;
  const o = INCIDENT_FORM_MESSAGES[ctx.locale];
  const id = idOf(name);
  const value = values[name];
  const errors = errorsOf(fc, name);
  const invalid = errors.invalid ? html`aria-invalid="true"` : '';
  let label = fieldLabel(ctx.locale, labelKey);
  const options = spec.options ? VOCABULARIES[spec.options] : [];
  const optionText = (v: string) => (spec.options ? optionLabel(ctx.locale, spec.options, v) : v);
  const hintText =
    spec.kind === 'date' ? o.dateHint : spec.kind === 'lines' ? o.linesHint : spec.kind === 'codes' ? o.codesHint : undefined;
  const hintId = hintText ? `${id}-hint` : '';
  const hint = hintText ? html`<p class="hint" id="${hintId}">${hintText}</p>` : '';
  const aria = describedBy(hintId, errors.describedBy);
  const ariaAttr = aria ? html`aria-describedby="${aria}"` : '';
  if (spec.kind === 'instant') label = `${label} (${o.utc})`;
  switch (spec.kind) {
    case 'checks': {
      const checked = many(value);
      return html`<fieldset class="choices" id="${id}" ${invalid} ${ariaAttr}>
        <legend>${label}</legend>
        ${errors.list}
        ${options.map(
          (v) =>
            html`<div class="choice">
              <input id="${id}-${v}" name="${name}" type="checkbox" value="${v}" ${checked.has(v) ? html`checked` : ''} /><label
                for="${id}-${v}"
                >${optionText(v)}</label
              >
            </div>`,
        )}
      </fieldset>`;
    }
    case 'flag':
      return html`<div class="field choice">
        <input
          id="${id}"
          name="${name}"
          type="checkbox"
          value="true"
          ${one(value) === 'true' ? html`checked` : ''}
          ${invalid}
          ${ariaAttr}
        /><label for="${id}">${label}</label>
        ${errors.list}
      </div>`;
    case 'select':
    case 'yesno': {
      const current = one(value);
      const choices: [string, string][] =
        spec.kind === 'yesno'
          ? [
              ['true', yesNoLabel(ctx.locale, true)],
              ['false', yesNoLabel(ctx.locale, false)],
            ]
          : options.map((v) => [v, optionText(v)]);
      // A stored value the list does not offer (an old code) is still shown, so saving does not drop it silently.
      if (current !== '' && !choices.some(([v]) => v === current)) choices.push([current, current]);
      return html`<div class="field">
        <label for="${id}">${label}</label>
        <select id="${id}" name="${name}" ${invalid} ${ariaAttr}>
          <option value="" ${current === '' ? html`selected` : ''}>${o.notSaid}</option>
          ${choices.map(([v, text]) => html`<option value="${v}" ${v === current ? html`selected` : ''}>${text}</option>`)}
        </select>
        ${errors.list}
      </div>`;
    }
    case 'multi': {
      const selected = many(value);
      return html`<div class="field">
        <label for="${id}">${label}</label>
        <select id="${id}" name="${name}" multiple size="8" ${invalid} ${ariaAttr}>
          ${[...options, ...[...selected].filter((v) => !(options as readonly string[]).includes(v))].map(
            (v) => html`<option value="${v}" ${selected.has(v) ? html`selected` : ''}>${optionText(v)}</option>`,
          )}
        </select>
        ${errors.list}
      </div>`;
    }
    case 'textarea':
    case 'lines':
      return html`<div class="field">
        <label for="${id}">${label}</label>${hint}
        <textarea id="${id}" name="${name}" rows="${spec.kind === 'lines' ? '4' : '3'}" ${invalid} ${ariaAttr}>${one(value)}</textarea>
        ${errors.list}
      </div>`;
    case 'text':
    case 'email':
    case 'tel':
    case 'instant':
    case 'date':
    case 'int':
    case 'codes': {
      const type =
        spec.kind === 'email'
          ? 'email'
          : spec.kind === 'tel'
            ? 'tel'
            : spec.kind === 'instant'
              ? 'datetime-local'
              : spec.kind === 'int'
                ? 'number'
                : 'text';
      const extra = spec.kind === 'instant' ? html`step="1"` : spec.kind === 'int' ? html`min="0" step="1" inputmode="numeric"` : '';
      return html`<div class="field">
        <label for="${id}">${label}</label>${hint}
        <input id="${id}" name="${name}" type="${type}" value="${one(value)}" ${extra} ${invalid} ${ariaAttr} />
        ${errors.list}
      </div>`;
    }
  }
}

function renderGroup(fc: FormContext, group: GroupSpec, prefix: string): SafeHtml {
  const name = `${prefix}${group.name}`;
  const errors = errorsOf(fc, name);
  const labelKeyOf = (f: FieldSpec) => f.label ?? `${prefix.replace(/\.\d+\.$/, '.*.')}${f.name}`;
  return html`<fieldset class="group" id="${idOf(name)}">
    <legend>${fieldLabel(fc.ctx.locale, `${prefix.replace(/\.\d+\.$/, '.*.')}${group.name}`)}</legend>
    ${errors.list} ${group.items.map((f) => renderField(fc, f, `${prefix}${f.name}`, labelKeyOf(f)))}
  </fieldset>`;
}

function renderRows(fc: FormContext, rows: RowsSpec): SafeHtml {
  const o = INCIDENT_FORM_MESSAGES[fc.ctx.locale];
  const listLabel = fieldLabel(fc.ctx.locale, rows.name);
  const n = Math.min(rowCount(fc.values, rows) + BLANK_ROWS, rows.max);
  return html`<fieldset class="rows" id="${idOf(rows.name)}">
    <legend>${listLabel}</legend>
    <p class="hint">${o.rowsHint}</p>
    ${errorsOf(fc, rows.name).list}
    ${Array.from({ length: n }, (_, i) => {
      const prefix = `${rows.name}.${i}.`;
      return html`<fieldset class="row" id="${idOf(`${rows.name}.${i}`)}" data-row="${String(i)}">
        <legend>${listLabel}, ${o.row.replace('{n}', String(i + 1))}</legend>
        ${errorsOf(fc, `${rows.name}.${i}`).list}
        ${rows.items.map((item) =>
          item.type === 'field'
            ? renderField(fc, item, `${prefix}${item.name}`, item.label ?? `${rows.name}.*.${item.name}`)
            : renderGroup(fc, item, prefix),
        )}
      </fieldset>`;
    })}
  </fieldset>`;
}

function renderSectionForm(ctx: PageContext, desk: Desk, stored: StoredIncident, section: SectionSpec, state: SectionPageState): SafeHtml {
  const fc: FormContext = { ctx, values: state.values, issues: placeIssues(section, state.values, state.problems?.issues ?? []) };
  return html`<form
    method="post"
    action="${sectionPath(desk, stored.incident.id, section.key)}?lang=${ctx.locale}"
    class="check desk-form section-form"
    data-section="${section.key}"
  >
    ${desk.session ? html`<input type="hidden" name="_csrf" value="${desk.session.csrfToken}" />` : ''}
    <input type="hidden" name="revision" value="${String(state.revision)}" />
    ${section.items.map((item) =>
      item.type === 'field'
        ? renderField(fc, item, item.name, item.label ?? item.name)
        : item.type === 'group'
          ? renderGroup(fc, item, '')
          : renderRows(fc, item),
    )}
    <button type="submit">${CONSOLE_MESSAGES[ctx.locale].save}</button>
  </form>`;
}

/** The section's stored values as a list of facts (for members who may not write, and beside a conflict). */
function renderSectionFacts(ctx: PageContext, section: SectionSpec, stored: StoredIncident): SafeHtml {
  const o = INCIDENT_FORM_MESSAGES[ctx.locale];
  const values = sectionValues(section, stored.incident);
  const text = (spec: FieldSpec, value: string | readonly string[]): string => {
    const list = typeof value === 'string' ? [value] : [...value];
    if (spec.kind === 'yesno' || spec.kind === 'flag') return yesNoLabel(ctx.locale, list[0] === 'true');
    if (spec.kind === 'instant') return list.map((v) => `${v.replace('T', ' ')} ${o.utc}`).join(', ');
    const { options } = spec;
    return options ? list.map((v) => optionLabel(ctx.locale, options, v)).join(', ') : list.join(', ');
  };
  const facts: SafeHtml[] = [];
  const add = (spec: FieldSpec, name: string, label: string) => {
    const value = values[name];
    if (value !== undefined)
      facts.push(
        html`<dt>${label}</dt>
          <dd data-path="${name}">${text(spec, value)}</dd>`,
      );
  };
  const addGroup = (group: GroupSpec, prefix: string, context: string) => {
    const star = prefix.replace(/\.\d+\.$/, '.*.');
    const legend = fieldLabel(ctx.locale, `${star}${group.name}`);
    for (const f of group.items)
      add(f, `${prefix}${f.name}`, `${context}${legend} — ${fieldLabel(ctx.locale, f.label ?? `${star}${f.name}`)}`);
  };
  for (const item of section.items) {
    if (item.type === 'field') add(item, item.name, fieldLabel(ctx.locale, item.label ?? item.name));
    else if (item.type === 'group') addGroup(item, '', '');
    else {
      const listLabel = fieldLabel(ctx.locale, item.name);
      for (let i = 0; i < rowCount(values, item); i++) {
        const context = `${listLabel}, ${o.row.replace('{n}', String(i + 1))} — `;
        for (const sub of item.items) {
          if (sub.type === 'field')
            add(sub, `${item.name}.${i}.${sub.name}`, `${context}${fieldLabel(ctx.locale, sub.label ?? `${item.name}.*.${sub.name}`)}`);
          else addGroup(sub, `${item.name}.${i}.`, context);
        }
      }
    }
  }
  for (const path of section.keeps ?? []) {
    const value = keptValue(stored.incident, path);
    if (value !== undefined)
      facts.push(
        html`<dt>${fieldLabel(ctx.locale, path)}</dt>
          <dd data-path="${path}">${value}</dd>`,
      );
  }
  return facts.length === 0 ? html`<p>${o.nothingYet}</p>` : html`<dl class="facts section-facts">${facts}</dl>`;
}

/** One section of the incident: its form for members who may write, its values for the others. */
export function renderSectionPage(ctx: PageContext, desk: Desk, stored: StoredIncident, key: SectionKey, state: SectionPageState): string {
  const m = CONSOLE_MESSAGES[ctx.locale];
  const o = INCIDENT_FORM_MESSAGES[ctx.locale];
  const section = SECTIONS[key];
  const title = sectionTitle(ctx.locale, key);
  const incidentPath = `/console/${desk.organisation.slug}/incidents/${stored.incident.id}`;
  const next = SECTION_KEYS[SECTION_KEYS.indexOf(key) + 1];
  const problems = state.problems;
  const placed = problems ? placeIssues(section, state.values, problems.issues) : new Map<string, FieldIssue[]>();
  const anchorOf = (path: string): string | undefined => {
    for (const [name, issues] of placed) if (issues.some((i) => i.path === path)) return name;
    return undefined;
  };
  const keptFacts = (section.keeps ?? []).flatMap((path) => {
    const value = keptValue(stored.incident, path);
    return value === undefined
      ? []
      : [
          html`<dt>${fieldLabel(ctx.locale, path)}</dt>
            <dd data-path="${path}">${value}</dd>`,
        ];
  });
  return layout(
    ctx,
    `${title} · ${stored.incident.title}`,
    html`<h1>${stored.incident.title}</h1>
      <p><a href="${href(ctx, incidentPath)}">${o.backToIncident}</a></p>
      <nav class="section-nav" aria-label="${o.sectionsTitle}">
        <ol>
          ${SECTION_KEYS.map(
            (k) =>
              html`<li>
                <a href="${href(ctx, sectionPath(desk, stored.incident.id, k))}" ${k === key ? html`aria-current="page"` : ''}
                  >${sectionTitle(ctx.locale, k)}</a
                >
              </li>`,
          )}
        </ol>
      </nav>
      <h2 id="section-title">${title}</h2>
      ${state.saved ? html`<p class="notice" role="status">${o.saved}</p>` : ''}
      ${
        problems
          ? html`<div class="problem" role="alert">
              <p>${problems.kind === 'conflict' ? m.conflict : m.invalid}</p>
              <ul>
                ${problems.issues.map((i) => {
                  const anchor = anchorOf(i.path);
                  return html`<li data-path="${i.path}">
                    ${anchor ? html`<a href="#${idOf(anchor)}"><code>${i.path}</code></a>` : html`<code>${i.path}</code>`}: ${i.message}
                  </li>`;
                })}
              </ul>
            </div>`
          : ''
      }
      ${
        problems?.kind === 'conflict'
          ? html`<section class="stored-now" aria-labelledby="stored-now-title">
              <h3 id="stored-now-title">${o.storedNow}</h3>
              ${renderSectionFacts(ctx, section, stored)}
            </section>`
          : ''
      }
      ${
        can(desk.role, 'incident.write')
          ? html`${keptFacts.length > 0 ? html`<dl class="facts">${keptFacts}</dl>` : ''}${renderSectionForm(ctx, desk, stored, section, state)}`
          : renderSectionFacts(ctx, section, stored)
      }
      ${next ? html`<p><a href="${href(ctx, sectionPath(desk, stored.incident.id, next))}">${o.next}: ${sectionTitle(ctx.locale, next)}</a></p>` : ''}`,
  );
}
