// What the types catch before a test runs: `tsc -p .` here fails if any of these mistakes compiles.
// (The repository's test/programmatic/vendor-suite.test.ts runs it.)
import type { AapneKrav, KravmockHandle, StartKravmockOptions } from 'kravmock';

type AdvanceBy = Parameters<KravmockHandle['advanceClock']>[0];
type TokenRequest = Parameters<KravmockHandle['token']>[0];
type PaymentBody = Parameters<KravmockHandle['payment']>[1];

export const mistakes = {
  // @ts-expect-error advanceClock takes exactly one of days, weeks or months
  twoUnits: { days: 1, weeks: 1 } satisfies AdvanceBy,
  // @ts-expect-error pakke is regnskapssystem or finans
  unknownPakke: { org: '313367002', pakke: 'skatt' } satisfies TokenRequest,
  // @ts-expect-error a payment needs beloep
  paymentWithoutAmount: { kidnummer: '1234567890' } satisfies PaymentBody,
  // @ts-expect-error access is off, permissive or strict
  unknownAccessMode: { access: 'lenient' } satisfies StartKravmockOptions,
  // @ts-expect-error AapneKrav has no field totalSum (the contract's name is totalOversikt)
  misspelledField: (body: AapneKrav) => body.totalSum,
};
