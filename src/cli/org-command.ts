import { parseArgs } from 'node:util';
import type { Organisations } from '../modules/organisations/index.js';
import { EXIT, usageError, type CliIo } from './io.js';

export const ORG_HELP = `Usage: breachdesk org <command>

The organisations that use the desk (incidents, notifications) and their first owner.

Commands:
  create --slug S --name N --country CC --owner-email E --owner-name N [--password-stdin]
           Create an organisation and its owner. The owner's password is read from the first
           line of standard input with --password-stdin; otherwise a random one is made and
           printed once. An existing user (same e-mail) becomes owner with their own password.
  list     The organisations, with their members' count.

Options:
  -h, --help   Show this help.

The owner then signs in at /console/sign-in and adds the others there.`;

export interface OrgCommandDeps {
  readonly organisations: Organisations;
  readonly actor: string;
  readonly readStdinLine: () => Promise<string>;
  readonly randomPassword: () => string;
  readonly list: () => Promise<{ slug: string; name: string; country: string; members: number }[]>;
}

export async function orgCommand(args: string[], io: CliIo, deps: OrgCommandDeps): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    io.out(ORG_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      country: { type: 'string' },
      'owner-email': { type: 'string' },
      'owner-name': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(ORG_HELP);
    return EXIT.ok;
  }
  switch (sub) {
    case 'create': {
      const missing = (['slug', 'name', 'country', 'owner-email', 'owner-name'] as const).filter((k) => values[k] === undefined);
      if (missing.length > 0) throw usageError(`org create needs ${missing.map((k) => `--${k}`).join(', ')}`);
      const generated = values['password-stdin'] ? null : deps.randomPassword();
      const password = generated ?? (await deps.readStdinLine());
      const { organisation, owner } = await deps.organisations.createOrganisation(
        { slug: values.slug, name: values.name, country: values.country },
        { email: values['owner-email'], displayName: values['owner-name'], password },
        deps.actor,
      );
      io.out(`created organisation ${organisation.slug} (${organisation.name}, ${organisation.country}) with owner ${owner.email}`);
      if (generated) io.out(`initial password for ${owner.email} (shown once; they can sign in at /console/sign-in): ${generated}`);
      return EXIT.ok;
    }
    case 'list': {
      for (const o of await deps.list()) io.out(`${o.slug}  ${o.name}  ${o.country}  ${o.members} member(s)`);
      return EXIT.ok;
    }
    default:
      throw usageError(`unknown org command "${sub}" (try: breachdesk org --help)`);
  }
}
