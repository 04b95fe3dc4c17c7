import type { ResourceOwner, Tx } from '@clientfees/platform';

export interface AttachmentMeta {
  id: string;
  providerId: string;
  unitId: string | null;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

interface AttachmentRow {
  id: string;
  provider_id: string;
  unit_id: string | null;
  kind: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

const META = 'id, provider_id, unit_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at';
const rowToMeta = (row: AttachmentRow): AttachmentMeta => ({
  id: row.id,
  providerId: row.provider_id,
  unitId: row.unit_id,
  kind: row.kind,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at.toISOString(),
});

export async function insertAttachment(tx: Tx, meta: Omit<AttachmentMeta, 'uploadedAt'>, content: Buffer): Promise<AttachmentMeta> {
  const [row] = await tx.query<AttachmentRow>(
    `INSERT INTO attachment (id, provider_id, unit_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${META}`,
    [meta.id, meta.providerId, meta.unitId, meta.kind, meta.fileName, meta.contentType, meta.sizeBytes, meta.sha256, content, meta.uploadedBy],
  );
  return rowToMeta(row);
}

export async function listAttachments(tx: Tx, providerId: string): Promise<AttachmentMeta[]> {
  return (await tx.query<AttachmentRow>(`SELECT ${META} FROM attachment WHERE provider_id = $1 ORDER BY uploaded_at, id`, [providerId])).map(rowToMeta);
}

export async function findAttachmentContent(tx: Tx, id: string): Promise<{ meta: AttachmentMeta; content: Buffer } | undefined> {
  const [row] = await tx.query<AttachmentRow & { content: Buffer }>(`SELECT ${META}, content FROM attachment WHERE id = $1`, [id]);
  return row ? { meta: rowToMeta(row), content: row.content } : undefined;
}

export async function attachmentOwner(tx: Tx, id: string): Promise<ResourceOwner | undefined> {
  const [row] = await tx.query<{ organisation_id: string; provider_id: string }>(
    'SELECT p.organisation_id, a.provider_id FROM attachment a JOIN provider p ON p.id = a.provider_id WHERE a.id = $1',
    [id],
  );
  return row ? { organisationId: row.organisation_id, providerId: row.provider_id } : undefined;
}
