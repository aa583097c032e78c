// The API's error codes (FACTS.md §10) and the one error type the HTTP layer throws.

export const FEILKODER = {
  'KB-001': { status: 500, omraade: 'Uventet feil i tjenesten' },
  'KB-002': { status: 500, omraade: 'Uventet feil i bakenforliggende system' },
  'KB-003': { status: 404, omraade: 'Ukjent URL' },
  'KB-004': { status: 401, omraade: 'Feil i autentisering' },
  'KB-005': { status: 403, omraade: 'Feil i samtykketoken eller tilgang' },
  'KB-006': { status: 400, omraade: 'Feil i validering av inputdata' },
  'KB-007': { status: 404, omraade: 'Fant ingen krav eller betalinger for gitt identifikator og periode' },
  'KB-008': { status: 406, omraade: 'Feil tilknyttet dataformat' },
  'KB-009': { status: 404, omraade: 'Ingen treff på gitt identifikator' },
  // Skatteetaten documents the fair-use limit (5 concurrent calls per organisation) but no code for
  // it, so this one is kravmock's own and says so.
  'KRAVMOCK-429': { status: 429, omraade: 'For mange samtidige kall (fair use)' },
  // A gateway's 503 has no documented body either; kravmock answers it only when asked to (a fault,
  // `Prefer: code=503`) or when a new session would exceed the session limit.
  'KRAVMOCK-503': { status: 503, omraade: 'Tjenesten er midlertidig utilgjengelig' },
} as const;

export type Feilkode = keyof typeof FEILKODER;

/** An error the API answers with `{kode, melding, korrelasjonsid}` and the code's HTTP status. */
export class ApiError extends Error {
  readonly kode: Feilkode;
  readonly status: number;

  constructor(kode: Feilkode, melding: string) {
    super(melding);
    this.name = 'ApiError';
    this.kode = kode;
    this.status = FEILKODER[kode].status;
  }
}

export const UNEXPECTED_MESSAGE =
  'Uventet feil i tjenesten. Oppgi korrelasjonsid ved henvendelse til Skatteetaten.';
export const BACKEND_MESSAGE =
  'Uventet feil i bakenforliggende system (reskontro). Oppgi korrelasjonsid ved henvendelse til Skatteetaten.';
