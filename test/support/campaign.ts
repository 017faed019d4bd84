import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthCommand } from '../../src/cli/synth-command.js';
import { runCli } from '../../src/main/cli.js';
import { createServices, type Services } from '../../src/main/services.js';
import type { DeskContext } from '../../src/modules/organisations/index.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { createPostgresSchemaUrl } from './databases.js';

export const CAMPAIGN_SLUG = 'colis-express-2026';

/** The people of a synthetic parcel-carrier breach, as the test knows them (the product only sees them sealed). */
export interface SynthPerson {
  readonly email: string | null;
  readonly phone: string | null;
  readonly surname: string;
  readonly hasAddress: boolean;
}

export interface CampaignWorld {
  readonly dataDir: string;
  readonly env: Record<string, string>;
  readonly config: Config;
  readonly services: Services;
  readonly ctx: DeskContext;
  readonly incidentId: string;
  /** The synthetic file's rows with an identifier, keyed by nothing: the ground truth to compare with. */
  readonly people: readonly SynthPerson[];
  readonly file: string;
  close(): Promise<void>;
}

const quiet = { out: () => undefined, err: () => undefined };

/**
 * An organisation ("Colis Express") with a complete incident, its published catalogue entry, and a
 * synthetic Chronopost-like file of `rows` people ingested with --keep-contacts: what a campaign needs.
 */
export async function createCampaignWorld(
  kind: 'sqlite' | 'postgres',
  rows: number,
  extraEnv: Record<string, string> = {},
): Promise<CampaignWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'breachdesk-campaign-'));
  const env: Record<string, string> = {
    DATA_DIR: join(dataDir, 'data'),
    LOG_LEVEL: 'silent',
    SEED: 'false',
    INGEST_WORKERS: '1',
    PUBLIC_BASE_URL: 'https://breachdesk.test',
    ...extraEnv,
  };
  let dropSchema: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const schema = await createPostgresSchemaUrl();
    env['DATABASE_URL'] = schema.url;
    dropSchema = () => schema.drop();
  }
  const config = loadConfig(env);
  const services = await createServices(config, createLogger({ level: 'silent' }));
  await services.organisations.createOrganisation(
    { slug: 'colis', name: 'Colis Express', country: 'FR' },
    { email: 'dpo@colis.example', displayName: 'DPO Colis', password: 'a long enough password' },
    'cli:test',
  );
  const ctx = await services.organisations.operatorContext('colis', 'cli:test');
  const { incident } = await services.incidents.create(ctx, {
    title: 'Fuite du fichier clients',
    description: 'Un tiers a copié le fichier des clients depuis un serveur de test mal protégé.',
    timeline: { awarenessAt: '2026-11-20T09:00:00Z' },
    nature: { types: ['confidentiality'] },
    cause: { actor: 'external-malicious' },
    dataSubjects: { byCountry: [{ country: 'FR', people: { precision: 'exact', count: rows } }] },
    dataClasses: ['name', 'postal-address', 'phone-number', 'email-address'],
    contacts: { contactPoint: { name: 'Délégué à la protection des données', email: 'dpo@colis.example', phone: '+33 1 23 45 67 89' } },
    consequences: { description: 'des tentatives d’hameçonnage par SMS ou par e-mail, par exemple de faux avis de livraison.' },
    measures: { taken: 'nous avons fermé le serveur, changé tous les accès et porté plainte.' },
  });
  await services.publishing.publish(ctx, incident.id, {
    slug: CAMPAIGN_SLUG,
    sector: 'transport',
    description: {
      en: 'A customer file was copied from a badly protected test server.',
      fr: 'Un fichier clients a été copié depuis un serveur de test mal protégé.',
      sv: 'En kundfil kopierades från en dåligt skyddad testserver.',
    },
    sources: [{ url: 'https://colis.example/avis', title: 'Avis aux clients' }],
  });

  const file = join(dataDir, 'colis.csv');
  assert.equal(
    await synthCommand(['--profile', 'chronopost', '--rows', String(rows), '--seed', 'campaign', '--defects', '0', '--out', file], quiet),
    0,
  );
  const lines: string[] = [];
  const code = await runCli(
    ['ingest', file, '--breach', CAMPAIGN_SLUG, '--keep-contacts', '--workers', '1', '--quiet'],
    { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    env,
  );
  assert.equal(code, 0, lines.join('\n'));

  const text = await readFile(file, 'utf8');
  const [header, ...body] = text.trimEnd().split('\n');
  const cols = csvFields(header!);
  const at = (name: string) => cols.indexOf(name);
  const people = body.map((line) => {
    const f = csvFields(line);
    const email = f[at('email')]?.trim() ?? '';
    const phone = f[at('telephone')]?.trim() ?? '';
    const hasAddress = ['adresse', 'code_postal', 'ville'].some((c) => (f[at(c)] ?? '').trim() !== '');
    return {
      email: email === '' ? null : email.toLowerCase(),
      phone: phone === '' ? null : phone,
      surname: f[at('nom')] ?? '',
      hasAddress,
    };
  });

  return {
    dataDir,
    env,
    config,
    services,
    ctx,
    incidentId: incident.id,
    people,
    file,
    async close() {
      await services.close();
      await dropSchema?.();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One CSV line's fields (RFC 4180 quotes; the synthetic files have no line breaks inside fields). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field.replace(/\r$/, ''));
  return out;
}
