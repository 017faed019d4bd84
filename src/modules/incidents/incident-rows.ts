import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { DatabaseSchema, IncidentsTable } from '../../storage/schema.js';
import type { IncidentDocument } from './model/incident.js';

/**
 * The incidents table's two shared moves, so that every use case reads an incident the same way (always
 * within its organisation) and writes a new one with the same projections.
 */

/** The incident `id` of `organisationId`, or INCIDENT_NOT_FOUND, also when it belongs to another organisation. */
export async function findIncidentRow(db: Kysely<DatabaseSchema>, organisationId: string, id: string): Promise<Selectable<IncidentsTable>> {
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) throw new AppError('INCIDENT_NOT_FOUND', `No incident ${id} in this organisation`, { data: { id } });
  return row;
}

/** Inserts a new incident at revision 1, with its projected columns taken from the document. */
export async function insertIncidentRow(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  incident: IncidentDocument,
  sourceIncidentId: string | null = null,
): Promise<void> {
  await db
    .insertInto('incidents')
    .values({
      id: incident.id,
      organisation_id: organisationId,
      title: incident.title,
      awareness_at: incident.timeline?.awarenessAt ?? null,
      notified_at: null,
      document: JSON.stringify(incident),
      revision: 1,
      created_at: incident.createdAt,
      updated_at: incident.modifiedAt,
      source_incident_id: sourceIncidentId,
    })
    .execute();
}
