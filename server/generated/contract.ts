// GENERATED from contracts/openapi.yaml by `npm run generate:types`. Do not edit.
export type paths = {
    "/v1/{rettighetspakke}/{partIdentifikator}/aapnekrav": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open claims and unplaced payments, with totals
         * @description Claims whose remaining amount is not zero, payments with an amount not yet placed against a
         *     claim, and the sums per claim group and in total at the time of the request.
         */
        get: operations["hentAapneKrav"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{rettighetspakke}/{partIdentifikator}/krav": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All claims in a period of at most one year
         * @description All claims of the party in the period, settled ones (`gjenstaaendeBeloep` 0) and credit claims
         *     (negative amounts) included.
         */
        get: operations["hentKrav"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{rettighetspakke}/{partIdentifikator}/innbetalinger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All payments in a period of at most one year
         * @description Payments received from or for the party in the period, and the claims each covered.
         */
        get: operations["hentInnbetalinger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{rettighetspakke}/{partIdentifikator}/utbetalinger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All payouts in a period of at most one year
         * @description Payouts (refunds) to the party in the period, with what they were paid out of.
         */
        get: operations["hentUtbetalinger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** @description Open claims, unplaced payments and the totals of one party at the time of the request. */
        AapneKrav: {
            partIdentifikator: string;
            aapentKravMedGjenstaaendeBeloep?: components["schemas"]["Krav"][];
            innbetalingMedUplassertBeloep?: components["schemas"]["Innbetaling"][];
            totalOversikt?: components["schemas"]["TotalOversikt"];
            oversiktPerKravgruppe?: components["schemas"]["OversiktPerKravgruppe"][];
            skjermet: boolean;
        };
        AdresseFrittFormat: {
            adressetekst?: string[];
            poststedsnavn?: string;
            postnummer?: string;
            landkode?: string;
        };
        /** @description All claims of one party in the requested period. */
        AlleKrav: {
            partIdentifikator: string;
            periode: components["schemas"]["Periode"];
            krav?: components["schemas"]["Krav"][];
            skjermet: boolean;
        };
        Bankkonto: {
            bankinformasjon?: string;
            kontoeiersNavn?: string;
            kontonummer?: string;
            iban?: string;
            swiftBIC?: string;
        };
        /** @description Payment information: KID, message, account and currency; for payouts possibly a cheque or payout card recipient. */
        Betalingsinformasjon: {
            kidnummer?: string;
            meldingSendtTilMottaker?: string;
            konto?: components["schemas"]["Bankkonto"];
            sjekkSendtTil?: components["schemas"]["Mottaker"];
            utbetalingskortSendtTil?: components["schemas"]["Mottaker"];
            valutakode?: string;
        };
        DekketKrav: {
            motregnetBeloep: number;
            dekketKravBeskrivelse: components["schemas"]["MultiSpraakTekst"];
            innkrevingsmyndighet: components["schemas"]["MultiSpraakTekst"];
            /** Format: date */
            forfallsdato: string;
            kreditorsnavn: components["schemas"]["MultiSpraakTekst"];
            forsinkelsesrenter: number;
        };
        /** @enum {string} */
        Fastsettingsmaate: "blank" | "egenfastsatt" | "myndighetsfastsatt";
        /** @description Error body of every error response. In XML the root element is `feil` in namespace `urn:no:skatteetaten:datasamarbeid:feil:v1`. */
        Feil: {
            /**
             * @description Error code: KB-001 ... KB-009 for this API.
             * @example KB-006
             */
            kode: string;
            /** @description Human-readable message (Norwegian). The text may vary for the same code. */
            melding: string;
            /** @description Correlation id (a UUID unless the caller sent its own) to quote in support requests. */
            korrelasjonsid: string;
        };
        GrunnlagForUtbetaling: {
            kreditKrav?: components["schemas"]["KreditKrav"][];
            tilbakebetalingAv?: components["schemas"]["InnbetalingPlassertMotUtbetaling"][];
        };
        HovedKrav: {
            innbetalingBruktImotregning?: components["schemas"]["InnbetalingBruktIMotregning"][];
            kreditkravBruktIMotregning?: components["schemas"]["KreditkravBruktIMotregning"][];
        };
        /** @description A payment received, and the claims it covered. */
        Innbetaling: {
            partIdentifikator: string;
            innbetalingsidentifikator: string;
            /** Format: date */
            innbetalingsdato: string;
            innbetaltBeloep: number;
            plassertKrav?: components["schemas"]["KravPlassertMotInnbetaling"][];
            uplassertBeloep: number;
            mottakersKontonummer?: components["schemas"]["Bankkonto"];
            innbetaltFra?: components["schemas"]["Betalingsinformasjon"];
            innbetalingstype?: string;
            plassertUtbetaling?: components["schemas"]["UtbetalingPlassertMotInnbetaling"][];
            motregningAvInnbetaling?: components["schemas"]["MotregningAvInnbetaling"];
        };
        InnbetalingBruktIMotregning: {
            innbetalingsidentifikator: string;
            uplassertBeloep: number;
        };
        InnbetalingPlassertMotKrav: {
            innbetalingsIdentifikator: string;
            plassertBeloep: number;
            /** Format: date */
            plassertDato?: string;
            /** Format: date */
            innbetalingsdato?: string;
            innbetaltBeloep?: number;
            innbetaltFra?: components["schemas"]["Betalingsinformasjon"];
            innbetalingstype?: string;
        };
        InnbetalingPlassertMotUtbetaling: {
            innbetalingsIdentifikator: string;
            innbetalingstype: string;
            /** Format: date */
            innbetalingsdato: string;
            innbetaltBeloep: number;
            innbetaltFra?: components["schemas"]["Betalingsinformasjon"];
            utbetaltBeloep?: number;
        };
        /** @description All payments of one party in the requested period. */
        Innbetalinger: {
            partIdentifikator: string;
            periode: components["schemas"]["Periode"];
            innbetaling?: components["schemas"]["Innbetaling"][];
            skjermet: boolean;
        };
        /** @description A claim (krav) with its instalments (kravforfall). `partIdentifikator` is the party that owns the claim - for an ENK possibly the owner's fødselsnummer. */
        Krav: {
            partIdentifikator: string;
            kravidentifikator: string;
            kravtype: string;
            opprinneligBeloep: number;
            gjenstaaendeBeloep: number;
            stipulerteRenter?: number;
            kravforfall: components["schemas"]["Kravforfall"][];
            kravbeskrivelse?: components["schemas"]["MultiSpraakTekst"];
            kravperiode?: components["schemas"]["Kravperiode"];
            /** Format: date */
            opprettelsesdatoForKrav?: string;
            kravgruppe?: string;
            hovedstolKravidentifikator?: string;
            fastsettingsmaate?: components["schemas"]["Fastsettingsmaate"];
            motregningAvKreditkrav?: components["schemas"]["MotregningAvKreditkrav"];
        };
        KravPlassertMotInnbetaling: {
            kravforfallIdentifikator: string;
            plassertBeloep: number;
            /** Format: date */
            plassertDato?: string;
            kravbeskrivelse?: components["schemas"]["MultiSpraakTekst"];
            /** Format: date */
            kravforfallsdato?: string;
            opprinneligKravforfallsbeloep?: number;
            gjenstaaendeKravforfallsbeloep?: number;
        };
        KravPlassertMotKrav: {
            kravforfallsIdentifikator: string;
            plassertBeloep: number;
            /** Format: date */
            plassertDato?: string;
            kravbeskrivelse?: components["schemas"]["MultiSpraakTekst"];
            /** Format: date */
            forfallsdato?: string;
            kravperiode?: components["schemas"]["Kravperiode"];
            kravtype: string;
        };
        /** @description One instalment (due date) of a claim, with the payment information (account, KID) to pay it. */
        Kravforfall: {
            kravforfallsIdentifikator: string;
            /** Format: date */
            forfallsdato: string;
            opprinneligBeloep: number;
            plassertInnbetaling?: components["schemas"]["InnbetalingPlassertMotKrav"][];
            plassertMotkrav?: components["schemas"]["KravPlassertMotKrav"][];
            gjenstaaendeBeloep: number;
            betalingsinformasjon: components["schemas"]["Betalingsinformasjon"];
            plassertUtbetaling?: components["schemas"]["UtbetalingPlassertMotKrav"][];
        };
        Kravperiode: {
            periodeBeskrivelse: components["schemas"]["MultiSpraakTekst"];
            aar?: string;
            /** Format: date */
            fraDato?: string;
            /** Format: date */
            tilDato?: string;
            terminTekniskNavn?: string;
        };
        KreditKrav: {
            kravforfallidentifikator: string;
            kravbeskrivelse?: components["schemas"]["MultiSpraakTekst"];
            kravtype?: string;
            kravperiode?: components["schemas"]["Kravperiode"];
            opprinneligBeloep: number;
            gjenstaaendeBeloep: number;
            utbetaltBeloep: number;
        };
        KreditkravBruktIMotregning: {
            kravforfallsIdentifikator: string;
            gjenstaaendeBeloep: number;
            kravbeskrivelse: components["schemas"]["MultiSpraakTekst"];
            kravperiode?: components["schemas"]["Kravperiode"];
        };
        MotregningAvInnbetaling: {
            motregningsidentifikator: string;
            innkrevingsmyndighet: components["schemas"]["MultiSpraakTekst"];
            dekketKrav?: components["schemas"]["DekketKrav"][];
            hovedkrav?: components["schemas"]["HovedKrav"];
            /** Format: date */
            motregnetdato: string;
        };
        MotregningAvKreditkrav: {
            motregningsidentifikator: string;
            innkrevingsmyndighet: components["schemas"]["MultiSpraakTekst"];
            hovedkrav?: components["schemas"]["HovedKrav"];
            dekketkrav: components["schemas"]["DekketKrav"][];
            /** Format: date */
            motregnetdato: string;
        };
        Mottaker: {
            mottakersNavn: string;
            mottakersAddresse: components["schemas"]["AdresseFrittFormat"];
        };
        MultiSpraakTekst: {
            spraakTekst: components["schemas"]["SpraakTekst"][];
        };
        /** @description The same sums for one claim group (no payments). `saldo` = forfalte + ikke forfalte + stipulerte renter. */
        OversiktPerKravgruppe: {
            kravgruppe: string;
            sumStipulerteRenter: number;
            sumForfalteKrav: number;
            sumIkkeForfalteKrav: number;
            saldo: number;
        };
        Periode: {
            /** Format: date */
            fraOgMed: string;
            /** Format: date */
            tilOgMed?: string;
        };
        SpraakTekst: {
            tekst: string;
            spraak: string;
        };
        /** @description Totals over all open claims and unplaced payments. `saldo` = forfalte + ikke forfalte + stipulerte renter + uplasserte innbetalinger (payments are negative). */
        TotalOversikt: {
            sumStipulerteRenter: number;
            sumForfalteKrav: number;
            sumIkkeForfalteKrav: number;
            sumUplasserteInnbetalinger: number;
            saldo: number;
        };
        /** @description A payout (refund) to the party. */
        Utbetaling: {
            partIdentifikator: string;
            utbetalingsidentifikator: string;
            /** Format: date */
            utbetaltdato: string;
            utbetaltBeloep: number;
            betaltTil: components["schemas"]["Betalingsinformasjon"];
            grunnlagForUtbetaling: components["schemas"]["GrunnlagForUtbetaling"];
            utbetalingstatus?: components["schemas"]["Utbetalingstatus"];
        };
        UtbetalingPlassertMotInnbetaling: {
            utbetalingsidentifikator: string;
            /** Format: date */
            utbetaltdato: string;
            utbetaltBeloep: number;
            betaltTil: components["schemas"]["Betalingsinformasjon"];
        };
        UtbetalingPlassertMotKrav: {
            utbetalingsidentifikator: string;
            utbetaltBeloep: number;
            /** Format: date */
            utbetaltDato: string;
            betaltTil: components["schemas"]["Betalingsinformasjon"];
            plassertBeloep: number;
            /** Format: date */
            plassertDato: string;
        };
        /** @description All payouts to one party in the requested period. */
        Utbetalinger: {
            partIdentifikator: string;
            periode: components["schemas"]["Periode"];
            utbetaling?: components["schemas"]["Utbetaling"][];
            skjermet: boolean;
        };
        /** @enum {string} */
        Utbetalingstatus: "bekreftet" | "underUtbetaling";
    };
    responses: {
        /** @description KB-006: input validation error (parameter format, period rules, party identifier) */
        Feil400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "kode": "KB-006",
                 *       "melding": "Ugyldig fraOgMed '2023-02-30': forventet en gyldig dato på formatet YYYY-MM-DD (regel: format date; peker: /query/fraOgMed).",
                 *       "korrelasjonsid": "0b7c8f44-6d8f-4a39-9d1c-3f2f6b1f6a10"
                 *     }
                 */
                "application/json": components["schemas"]["Feil"];
                "application/xml": components["schemas"]["Feil"];
            };
        };
        /** @description KB-004: authentication error (missing, malformed, wrongly signed, expired or wrong-issuer Maskinporten token, or a token without scope skatteetaten:kravogbetalinger) */
        Feil401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Feil"];
                "application/xml": components["schemas"]["Feil"];
            };
        };
        /** @description KB-005: consent or authorisation error (no or invalid Altinn consent, system user not valid for the party) */
        Feil403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Feil"];
                "application/xml": components["schemas"]["Feil"];
            };
        };
        /**
         * @description KB-003: unknown URL. KB-007: no claims, payments or payouts found for the party in the period.
         *     KB-009: no hit on the given party identifier.
         */
        Feil404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Feil"];
                "application/xml": components["schemas"]["Feil"];
            };
        };
        /** @description KB-008: data format error - only json or xml is supported */
        Feil406: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Feil"];
                "application/xml": components["schemas"]["Feil"];
            };
        };
        /**
         * @description KRAVMOCK-408: the request did not arrive in time (headers not complete within 10 s, or the
         *     whole request not within 30 s; the time the answer takes does not count). The connection is
         *     closed. Any gateway cuts slow clients; Skatteetaten documents neither the limits nor a body,
         *     so the code is kravmock's own. Always JSON: the request was never read to its Accept header.
         */
        Feil408: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "kode": "KRAVMOCK-408",
                 *       "melding": "Forespørselen kom ikke fram i tide: headerne må være mottatt innen 10 sekunder og hele forespørselen innen 30 sekunder.",
                 *       "korrelasjonsid": "0b7c8f44-6d8f-4a39-9d1c-3f2f6b1f6a10"
                 *     }
                 */
                "application/json": components["schemas"]["Feil"];
            };
        };
        /**
         * @description KRAVMOCK-414: the URL (path and query) is longer than 8 KiB. Every gateway has such a limit;
         *     Skatteetaten documents neither its value nor a body, so the code is kravmock's own.
         */
        Feil414: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "kode": "KRAVMOCK-414",
                 *       "melding": "URL-en er for lang: 9000 byte, høyst 8192 byte (8 KiB) er tillatt. Send færre eller kortere parametere.",
                 *       "korrelasjonsid": "0b7c8f44-6d8f-4a39-9d1c-3f2f6b1f6a10"
                 *     }
                 */
                "application/json": components["schemas"]["Feil"];
                "application/xml": components["schemas"]["Feil"];
            };
        };
        /**
         * @description KRAVMOCK-431: the request line and headers together are larger than 16 KiB. Every gateway has
         *     such a limit; Skatteetaten documents neither its value nor a body, so the code is kravmock's
         *     own. The connection is closed. Always JSON: the headers were never read to the end.
         */
        Feil431: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "kode": "KRAVMOCK-431",
                 *       "melding": "Forespørselen har for store headere: URL og headere kan til sammen være høyst 16384 byte (16 KiB).",
                 *       "korrelasjonsid": "0b7c8f44-6d8f-4a39-9d1c-3f2f6b1f6a10"
                 *     }
                 */
                "application/json": components["schemas"]["Feil"];
            };
        };
        /**
         * @description KRAVMOCK-429: more concurrent calls for the organisation than fair use allows (Skatteetaten
         *     documents at most 5 concurrent calls per organisation but no error code for it, so the code is
         *     kravmock's own). Only in access mode `strict`.
         */
        Feil429: {
            headers: {
                /** @description Seconds to wait before calling again. */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "kode": "KRAVMOCK-429",
                 *       "melding": "For mange samtidige kall for organisasjon 313367002: høyst 5 samtidige kall er tillatt (fair use).",
                 *       "korrelasjonsid": "0b7c8f44-6d8f-4a39-9d1c-3f2f6b1f6a10"
                 *     }
                 */
                "application/json": components["schemas"]["Feil"];
                "application/xml": components["schemas"]["Feil"];
            };
        };
        /**
         * @description KRAVMOCK-503: the service is temporarily unavailable; call again after `Retry-After` seconds.
         *     Skatteetaten's gateway can answer 503 but documents no body for it, so the code is kravmock's
         *     own. kravmock answers it only when asked to (a fault profile, `Prefer: code=503`) or when a
         *     new `X-Kravmock-Session` would exceed the session limit.
         */
        Feil503: {
            headers: {
                /** @description Seconds to wait before calling again. */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "kode": "KRAVMOCK-503",
                 *       "melding": "Tjenesten er midlertidig utilgjengelig. Prøv igjen om 5 sekunder.",
                 *       "korrelasjonsid": "0b7c8f44-6d8f-4a39-9d1c-3f2f6b1f6a10"
                 *     }
                 */
                "application/json": components["schemas"]["Feil"];
                "application/xml": components["schemas"]["Feil"];
            };
        };
        /** @description KB-001: unexpected error in the service. KB-002: unexpected error in a back-end system. */
        Feil500: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Feil"];
                "application/xml": components["schemas"]["Feil"];
            };
        };
    };
    parameters: {
        /** @description Rights package chosen by the caller. `finans` needs Altinn consent, `regnskapssystem` a system user. */
        rettighetspakke: "finans" | "regnskapssystem";
        /**
         * @description The party looked up - organisasjonsnummer (9 digits, mod 11) or fødselsnummer/D-nummer (11 digits).
         * @example 313367002
         */
        partIdentifikator: string;
        /** @description Altinn consent token (JWT, service code 5928, edition 202301) for rettighetspakke `finans` under the Altinn 2 consent flow. */
        AltinnSamtykke: string;
        /**
         * @description First day of the period, `YYYY-MM-DD`. The period is at most one year.
         * @example 2023-01-01
         */
        fraOgMed: string;
        /**
         * @description Last day of the period, `YYYY-MM-DD`, not before `fraOgMed` and at most one year after it. Defaults to today.
         * @example 2023-12-31
         */
        tilOgMed: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type AapneKrav = components['schemas']['AapneKrav'];
export type AdresseFrittFormat = components['schemas']['AdresseFrittFormat'];
export type AlleKrav = components['schemas']['AlleKrav'];
export type Bankkonto = components['schemas']['Bankkonto'];
export type Betalingsinformasjon = components['schemas']['Betalingsinformasjon'];
export type DekketKrav = components['schemas']['DekketKrav'];
export type Fastsettingsmaate = components['schemas']['Fastsettingsmaate'];
export type Feil = components['schemas']['Feil'];
export type GrunnlagForUtbetaling = components['schemas']['GrunnlagForUtbetaling'];
export type HovedKrav = components['schemas']['HovedKrav'];
export type Innbetaling = components['schemas']['Innbetaling'];
export type InnbetalingBruktIMotregning = components['schemas']['InnbetalingBruktIMotregning'];
export type InnbetalingPlassertMotKrav = components['schemas']['InnbetalingPlassertMotKrav'];
export type InnbetalingPlassertMotUtbetaling = components['schemas']['InnbetalingPlassertMotUtbetaling'];
export type Innbetalinger = components['schemas']['Innbetalinger'];
export type Krav = components['schemas']['Krav'];
export type KravPlassertMotInnbetaling = components['schemas']['KravPlassertMotInnbetaling'];
export type KravPlassertMotKrav = components['schemas']['KravPlassertMotKrav'];
export type Kravforfall = components['schemas']['Kravforfall'];
export type Kravperiode = components['schemas']['Kravperiode'];
export type KreditKrav = components['schemas']['KreditKrav'];
export type KreditkravBruktIMotregning = components['schemas']['KreditkravBruktIMotregning'];
export type MotregningAvInnbetaling = components['schemas']['MotregningAvInnbetaling'];
export type MotregningAvKreditkrav = components['schemas']['MotregningAvKreditkrav'];
export type Mottaker = components['schemas']['Mottaker'];
export type MultiSpraakTekst = components['schemas']['MultiSpraakTekst'];
export type OversiktPerKravgruppe = components['schemas']['OversiktPerKravgruppe'];
export type Periode = components['schemas']['Periode'];
export type SpraakTekst = components['schemas']['SpraakTekst'];
export type TotalOversikt = components['schemas']['TotalOversikt'];
export type Utbetaling = components['schemas']['Utbetaling'];
export type UtbetalingPlassertMotInnbetaling = components['schemas']['UtbetalingPlassertMotInnbetaling'];
export type UtbetalingPlassertMotKrav = components['schemas']['UtbetalingPlassertMotKrav'];
export type Utbetalinger = components['schemas']['Utbetalinger'];
export type Utbetalingstatus = components['schemas']['Utbetalingstatus'];
export type ResponseFeil400 = components['responses']['Feil400'];
export type ResponseFeil401 = components['responses']['Feil401'];
export type ResponseFeil403 = components['responses']['Feil403'];
export type ResponseFeil404 = components['responses']['Feil404'];
export type ResponseFeil406 = components['responses']['Feil406'];
export type ResponseFeil408 = components['responses']['Feil408'];
export type ResponseFeil414 = components['responses']['Feil414'];
export type ResponseFeil431 = components['responses']['Feil431'];
export type ResponseFeil429 = components['responses']['Feil429'];
export type ResponseFeil503 = components['responses']['Feil503'];
export type ResponseFeil500 = components['responses']['Feil500'];
export type ParameterRettighetspakke = components['parameters']['rettighetspakke'];
export type ParameterPartIdentifikator = components['parameters']['partIdentifikator'];
export type ParameterAltinnSamtykke = components['parameters']['AltinnSamtykke'];
export type ParameterFraOgMed = components['parameters']['fraOgMed'];
export type ParameterTilOgMed = components['parameters']['tilOgMed'];
export type $defs = Record<string, never>;
export interface operations {
    hentAapneKrav: {
        parameters: {
            query?: never;
            header?: {
                /** @description Altinn consent token (JWT, service code 5928, edition 202301) for rettighetspakke `finans` under the Altinn 2 consent flow. */
                AltinnSamtykke?: components["parameters"]["AltinnSamtykke"];
            };
            path: {
                /** @description Rights package chosen by the caller. `finans` needs Altinn consent, `regnskapssystem` a system user. */
                rettighetspakke: components["parameters"]["rettighetspakke"];
                /**
                 * @description The party looked up - organisasjonsnummer (9 digits, mod 11) or fødselsnummer/D-nummer (11 digits).
                 * @example 313367002
                 */
                partIdentifikator: components["parameters"]["partIdentifikator"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Open claims and unplaced payments of the party */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AapneKrav"];
                    "application/xml": components["schemas"]["AapneKrav"];
                };
            };
            400: components["responses"]["Feil400"];
            401: components["responses"]["Feil401"];
            403: components["responses"]["Feil403"];
            404: components["responses"]["Feil404"];
            406: components["responses"]["Feil406"];
            408: components["responses"]["Feil408"];
            414: components["responses"]["Feil414"];
            429: components["responses"]["Feil429"];
            431: components["responses"]["Feil431"];
            500: components["responses"]["Feil500"];
            503: components["responses"]["Feil503"];
        };
    };
    hentKrav: {
        parameters: {
            query: {
                /**
                 * @description First day of the period, `YYYY-MM-DD`. The period is at most one year.
                 * @example 2023-01-01
                 */
                fraOgMed: components["parameters"]["fraOgMed"];
                /**
                 * @description Last day of the period, `YYYY-MM-DD`, not before `fraOgMed` and at most one year after it. Defaults to today.
                 * @example 2023-12-31
                 */
                tilOgMed?: components["parameters"]["tilOgMed"];
            };
            header?: {
                /** @description Altinn consent token (JWT, service code 5928, edition 202301) for rettighetspakke `finans` under the Altinn 2 consent flow. */
                AltinnSamtykke?: components["parameters"]["AltinnSamtykke"];
            };
            path: {
                /** @description Rights package chosen by the caller. `finans` needs Altinn consent, `regnskapssystem` a system user. */
                rettighetspakke: components["parameters"]["rettighetspakke"];
                /**
                 * @description The party looked up - organisasjonsnummer (9 digits, mod 11) or fødselsnummer/D-nummer (11 digits).
                 * @example 313367002
                 */
                partIdentifikator: components["parameters"]["partIdentifikator"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claims of the party in the period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlleKrav"];
                    "application/xml": components["schemas"]["AlleKrav"];
                };
            };
            400: components["responses"]["Feil400"];
            401: components["responses"]["Feil401"];
            403: components["responses"]["Feil403"];
            404: components["responses"]["Feil404"];
            406: components["responses"]["Feil406"];
            408: components["responses"]["Feil408"];
            414: components["responses"]["Feil414"];
            429: components["responses"]["Feil429"];
            431: components["responses"]["Feil431"];
            500: components["responses"]["Feil500"];
            503: components["responses"]["Feil503"];
        };
    };
    hentInnbetalinger: {
        parameters: {
            query: {
                /**
                 * @description First day of the period, `YYYY-MM-DD`. The period is at most one year.
                 * @example 2023-01-01
                 */
                fraOgMed: components["parameters"]["fraOgMed"];
                /**
                 * @description Last day of the period, `YYYY-MM-DD`, not before `fraOgMed` and at most one year after it. Defaults to today.
                 * @example 2023-12-31
                 */
                tilOgMed?: components["parameters"]["tilOgMed"];
            };
            header?: {
                /** @description Altinn consent token (JWT, service code 5928, edition 202301) for rettighetspakke `finans` under the Altinn 2 consent flow. */
                AltinnSamtykke?: components["parameters"]["AltinnSamtykke"];
            };
            path: {
                /** @description Rights package chosen by the caller. `finans` needs Altinn consent, `regnskapssystem` a system user. */
                rettighetspakke: components["parameters"]["rettighetspakke"];
                /**
                 * @description The party looked up - organisasjonsnummer (9 digits, mod 11) or fødselsnummer/D-nummer (11 digits).
                 * @example 313367002
                 */
                partIdentifikator: components["parameters"]["partIdentifikator"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Payments of the party in the period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Innbetalinger"];
                    "application/xml": components["schemas"]["Innbetalinger"];
                };
            };
            400: components["responses"]["Feil400"];
            401: components["responses"]["Feil401"];
            403: components["responses"]["Feil403"];
            404: components["responses"]["Feil404"];
            406: components["responses"]["Feil406"];
            408: components["responses"]["Feil408"];
            414: components["responses"]["Feil414"];
            429: components["responses"]["Feil429"];
            431: components["responses"]["Feil431"];
            500: components["responses"]["Feil500"];
            503: components["responses"]["Feil503"];
        };
    };
    hentUtbetalinger: {
        parameters: {
            query: {
                /**
                 * @description First day of the period, `YYYY-MM-DD`. The period is at most one year.
                 * @example 2023-01-01
                 */
                fraOgMed: components["parameters"]["fraOgMed"];
                /**
                 * @description Last day of the period, `YYYY-MM-DD`, not before `fraOgMed` and at most one year after it. Defaults to today.
                 * @example 2023-12-31
                 */
                tilOgMed?: components["parameters"]["tilOgMed"];
            };
            header?: {
                /** @description Altinn consent token (JWT, service code 5928, edition 202301) for rettighetspakke `finans` under the Altinn 2 consent flow. */
                AltinnSamtykke?: components["parameters"]["AltinnSamtykke"];
            };
            path: {
                /** @description Rights package chosen by the caller. `finans` needs Altinn consent, `regnskapssystem` a system user. */
                rettighetspakke: components["parameters"]["rettighetspakke"];
                /**
                 * @description The party looked up - organisasjonsnummer (9 digits, mod 11) or fødselsnummer/D-nummer (11 digits).
                 * @example 313367002
                 */
                partIdentifikator: components["parameters"]["partIdentifikator"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Payouts to the party in the period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Utbetalinger"];
                    "application/xml": components["schemas"]["Utbetalinger"];
                };
            };
            400: components["responses"]["Feil400"];
            401: components["responses"]["Feil401"];
            403: components["responses"]["Feil403"];
            404: components["responses"]["Feil404"];
            406: components["responses"]["Feil406"];
            408: components["responses"]["Feil408"];
            414: components["responses"]["Feil414"];
            429: components["responses"]["Feil429"];
            431: components["responses"]["Feil431"];
            500: components["responses"]["Feil500"];
            503: components["responses"]["Feil503"];
        };
    };
}
