import type { LetterLanguage } from '@clientfees/domain';
import type { Tx } from '@clientfees/platform';

/** One claim as the letter lists it. */
export interface LetterClaim {
  invoiceId: string;
  invoiceNumber: number;
  invoiceDate: string;
  dueDate: string;
  openCents: number;
}

/** The standard reminder letter (påminnelsebrev / muistutuskirje) of a month end. */
export interface DebtLetter {
  id: string;
  debtCaseId: string;
  reviewId: string;
  organisationId: string;
  language: LetterLanguage;
  claims: LetterClaim[];
  totalCents: number;
  currency: string;
  createdAt: string;
}

interface Row {
  id: string;
  debt_case_id: string;
  review_id: string;
  organisation_id: string;
  language: LetterLanguage;
  claims: LetterClaim[];
  total_cents: number;
  currency: string;
  created_at: Date;
}

const rowToLetter = (row: Row): DebtLetter => ({
  id: row.id,
  debtCaseId: row.debt_case_id,
  reviewId: row.review_id,
  organisationId: row.organisation_id,
  language: row.language,
  claims: row.claims,
  totalCents: Number(row.total_cents),
  currency: row.currency,
  createdAt: row.created_at.toISOString(),
});

export async function insertLetters(tx: Tx, letters: ReadonlyArray<Omit<DebtLetter, 'createdAt'>>): Promise<void> {
  if (letters.length === 0) return;
  await tx.query(
    `INSERT INTO debt_letter (id, debt_case_id, review_id, organisation_id, language, claims, total_cents, currency)
     SELECT id, debt_case_id, review_id, organisation_id, language, claims, total_cents, currency
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, debt_case_id uuid, review_id uuid, organisation_id text, language text, claims jsonb, total_cents bigint, currency text)
     ON CONFLICT (review_id, debt_case_id) DO NOTHING`,
    [
      JSON.stringify(
        letters.map((letter) => ({
          id: letter.id,
          debt_case_id: letter.debtCaseId,
          review_id: letter.reviewId,
          organisation_id: letter.organisationId,
          language: letter.language,
          claims: letter.claims,
          total_cents: letter.totalCents,
          currency: letter.currency,
        })),
      ),
    ],
  );
}

export async function findLetter(tx: Tx, id: string): Promise<DebtLetter | undefined> {
  const [row] = await tx.query<Row>(`SELECT * FROM debt_letter WHERE id = $1`, [id]);
  return row && rowToLetter(row);
}

export async function lettersOfCase(tx: Tx, debtCaseId: string): Promise<DebtLetter[]> {
  const rows = await tx.query<Row>(`SELECT * FROM debt_letter WHERE debt_case_id = $1 ORDER BY created_at, id`, [debtCaseId]);
  return rows.map(rowToLetter);
}

export async function countLettersOfReview(tx: Tx, reviewId: string): Promise<number> {
  const [row] = await tx.query<{ count: number }>(`SELECT count(*)::int AS count FROM debt_letter WHERE review_id = $1`, [reviewId]);
  return row.count;
}

/** Whose letter it is: the case's organisation and debiting area (and caseworker, for the caseworker's check). */
export async function letterOwner(tx: Tx, id: string): Promise<{ organisationId: string; debitingArea: string | null; debtCaseId: string } | undefined> {
  const [row] = await tx.query<{ organisation_id: string; debiting_area: string | null; debt_case_id: string }>(
    `SELECT c.organisation_id, c.debiting_area, c.id AS debt_case_id FROM debt_letter l JOIN debt_case c ON c.id = l.debt_case_id WHERE l.id = $1`,
    [id],
  );
  return row && { organisationId: row.organisation_id, debitingArea: row.debiting_area, debtCaseId: row.debt_case_id };
}
