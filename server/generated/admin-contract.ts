// GENERATED from contracts/admin-openapi.yaml by `npm run generate:types`. Do not edit.
export type paths = {
    "/__admin/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The loaded scenarios, their parties and descriptions
         * @description Every scenario the server answers from, in load order, with the clock its parties are answered
         *     at and a count of each party's claims, payments and payouts.
         *
         *     `curl http://localhost:8080/__admin/scenarios`
         */
        get: operations["listScenarios"];
        put?: never;
        /**
         * Load a scenario sent in the body
         * @description The body is a scenario document exactly like a scenario file (`contracts/scenario.schema.json`),
         *     as JSON (`application/json`) or YAML (`application/yaml`, `text/yaml`, `application/x-yaml`),
         *     at most 5 MB. It is checked by the same loader as `kravmock serve` and `kravmock validate`, so a
         *     rejected document gets the same problems, positioned in the body (`file` is `<body>`, with
         *     `line` and `col`); nothing is loaded then. Relative dates resolve against the date this scope
         *     answers at now (the scenario's own `clock` applies unless the scope's clock is fixed). The
         *     scenario goes into the scope's state and into its baseline, so `POST /__admin/reset` keeps it.
         *     A scenario name or a party already loaded is 409 `scenario-clash`; `?replace=true` replaces the
         *     scenario of the same name (its parties as loaded, earlier ledger actions on them dropped).
         *
         *     `curl -X POST -H 'Content-Type: application/yaml' --data-binary @scenarios/my-scenario.yaml http://localhost:8080/__admin/scenarios`
         */
        post: operations["loadScenario"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a ready access token (and consent) for development
         * @description Mints what a real integration gets from Maskinporten and Altinn, signed with this kravmock's
         *     keys: for `regnskapssystem` an access token with a system user for `party` (default `org`), for
         *     `finans` an access token for `org` with consent from `party`, either as a separate
         *     `AltinnSamtykke` token (`consent: header`, the default) or inside the access token
         *     (`consent: token`). Open in every access mode: it is a development tool, not part of
         *     Skatteetaten's API. `kravmock token` calls it.
         *
         *     `curl -X POST -H 'Content-Type: application/json' -d '{"org":"313367002","pakke":"regnskapssystem"}' http://localhost:8080/__admin/tokens`
         */
        post: operations["mintToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a Maskinporten client and its public key
         * @description After this, `POST /maskinporten/token` accepts client assertions signed with the client's key
         *     (in strict mode only registered clients are accepted).
         *
         *     `curl -X POST -H 'Content-Type: application/json' -d @client.json http://localhost:8080/__admin/clients`
         */
        post: operations["registerClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The live X-Kravmock-Session sessions
         * @description Every session alive, oldest first, with when it was made and last used, when it expires if it
         *     stays idle, the date its parties are answered at, how many parties its ledger actions changed
         *     and how many fault rules it has. Lists all sessions whatever `X-Kravmock-Session` the caller
         *     sends.
         *
         *     `curl http://localhost:8080/__admin/sessions`
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One session
         * @description The same summary as in the list, for one session. Looking does not count as use: it does not
         *     postpone the session's expiry.
         *
         *     `curl http://localhost:8080/__admin/sessions/ci-42`
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        /**
         * End a session now
         * @description Drops the session and everything it changed. A later request with the same id starts a fresh
         *     session from the shared baseline.
         *
         *     `curl -X DELETE http://localhost:8080/__admin/sessions/ci-42`
         */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fault rules of this scope, with how often each matched and fired
         * @description The rules of the caller's scope (the shared state, or the session named by
         *     `X-Kravmock-Session`) in the order they are applied, each with `matched` (how many API requests
         *     it matched: the position in its random stream) and `fired` (how many of those it shaped), and
         *     `serverSeed`, the server's fault seed (`--fault-seed`) from which a rule without its own `seed`
         *     derives one. Counters start again at a reset.
         *
         *     `curl http://localhost:8080/__admin/faults`
         */
        get: operations["listFaultRules"];
        put?: never;
        /**
         * Add a fault rule (latency and/or a failure, for a party and/or endpoint, with a probability)
         * @description From now on every API request of this scope that matches the rule (its `partIdentifikator`
         *     and `endpoint`, when given) takes the next number of the rule's random stream and the rule
         *     fires with `probability` (default 1). The latencies of all firing rules add up and are waited
         *     out; then the first firing rule with a `failure`, in the order the rules were added, decides
         *     the answer: 500 `KB-001`/`KB-002`, 503 `KRAVMOCK-503` or 429 `KRAVMOCK-429` with
         *     `Retry-After`, a connection reset, an empty response (closed without a byte) or a truncated
         *     body (the full `Content-Length`, half the bytes). A `Prefer` header wins over the rules for
         *     its request. The n-th matching request of a rule always draws the same numbers: the stream's
         *     seed is `seed`, else derived from the server's fault seed and the rule's `id` (generated as
         *     `fault-1`, `fault-2`, … when absent). The answer is the rule as stored, defaults filled in.
         *
         *     `curl -X POST -H 'Content-Type: application/json' -d '{"id":"slow-krav","endpoint":"krav","latency":{"distribution":"lognormal","medianMs":400,"sigma":0.6}}' http://localhost:8080/__admin/faults`
         */
        post: operations["addFaultRule"];
        /**
         * Remove every fault rule of this scope
         * @description The scope answers normally again; the rules' counters are dropped too.
         *
         *     `curl -X DELETE http://localhost:8080/__admin/faults`
         */
        delete: operations["clearFaultRules"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/faults/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id. */
                id: string;
            };
            cookie?: never;
        };
        /**
         * One fault rule, with how often it matched and fired
         * @description The rule as stored, with its counters.
         *
         *     `curl http://localhost:8080/__admin/faults/slow-krav`
         */
        get: operations["getFaultRule"];
        put?: never;
        post?: never;
        /**
         * Remove one fault rule
         * @description The rule and its counter are dropped; a rule added later under the same id starts its stream
         *     from the beginning.
         *
         *     `curl -X DELETE http://localhost:8080/__admin/faults/slow-krav`
         */
        delete: operations["deleteFaultRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The request journal of this scope, newest first, with filters
         * @description Every request outside `/__admin` (API calls, unknown URLs, `/maskinporten/token`, …) recorded
         *     when its response finished or its connection closed: method, path, query, selected headers
         *     (`Authorization` as scheme and last six characters only, `AltinnSamtykke` as present/absent),
         *     endpoint, party, status, correlation id, duration, the access decision, any fault applied, the
         *     response's contract violations and, for errors, the API's `kode` and `melding`. The journal is
         *     one ring of `capacity` entries (`--journal-size`, default 1000): when it is full the oldest
         *     entry is dropped and counted in `dropped`. With `X-Kravmock-Session` only that session's
         *     entries; without it the shared scope's; `?session=all` every entry. Filters combine; a bad
         *     filter name or value is a 400 naming what was expected.
         *
         *     `curl "http://localhost:8080/__admin/journal?party=313367002&status=4xx&limit=20"`
         */
        get: operations["readJournal"];
        put?: never;
        post?: never;
        /**
         * Clear the journal of this scope
         * @description Removes this scope's entries (the session's with `X-Kravmock-Session`, else the shared
         *     scope's); `?session=all` empties the whole journal and sets `dropped` back to 0. Entry ids keep
         *     increasing, so a client polling with `since=<id>` is not confused.
         *
         *     `curl -X DELETE http://localhost:8080/__admin/journal`
         */
        delete: operations["clearJournal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/scenarios/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load scenario files and folders from the server's disk
         * @description Loads the files and folders named in `paths` (relative paths from the server's working
         *     directory; a folder gives its `*.yaml`, `*.yml` and `*.json` files) exactly as `--scenarios`
         *     does at start. All or nothing: any problem in any file is 400 `invalid-scenario` listing every
         *     problem (`file:line:col path`), a clash with a loaded scenario 409 `scenario-clash`; nothing is
         *     loaded then. With `"replace": true` scenarios of the same names are replaced.
         *
         *     `curl -X POST -H 'Content-Type: application/json' -d '{"paths":["scenarios/"],"replace":true}' http://localhost:8080/__admin/scenarios/files`
         */
        post: operations["loadScenarioFiles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/scenarios/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a scenario and its parties
         * @description The scenario and its parties leave the scope's state and its baseline (a reset does not bring
         *     them back). An unknown name is 404 `unknown-scenario`, listing the loaded ones.
         *
         *     `curl -X DELETE http://localhost:8080/__admin/scenarios/restskatt-halvt-betalt`
         */
        delete: operations["deleteScenario"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/scenarios/{name}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put one scenario's parties back as loaded
         * @description The scenario's parties get their loaded ledgers back: payments, payouts, claims and events
         *     added through the admin API on them are dropped. The clock, fault rules, other scenarios and
         *     the journal are untouched.
         *
         *     `curl -X POST http://localhost:8080/__admin/scenarios/offisielle-testparter/reset`
         */
        post: operations["resetScenario"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put the whole scope back to its baseline
         * @description The scope (the shared state, or the session of `X-Kravmock-Session`) returns to its baseline:
         *     every party's ledger as loaded, the clock setting and fault rules it started with, fault
         *     counters cleared. Scenarios loaded through the admin API stay (they are part of the baseline);
         *     deleted ones stay deleted. The journal is not touched: `DELETE /__admin/journal` clears it.
         *
         *     `curl -X POST http://localhost:8080/__admin/reset`
         */
        post: operations["resetScope"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The scope's clock
         * @description The server's own date, the fixed date (when set), the offset in days, `today` (the date a
         *     party without a clock of its own is answered at) and the date each scenario is answered at.
         *
         *     `curl http://localhost:8080/__admin/clock`
         */
        get: operations["getClock"];
        /**
         * Fix "today" at a date
         * @description From now on every party of the scope is answered at this date (it wins over scenarios' own
         *     clocks) and the offset is 0. `date` is `YYYY-MM-DD` or relative to the current `today`:
         *     `today`, `+30d`, `-2w`, `-1m`, `+1y`. Views and interest follow at once.
         *
         *     `curl -X PUT -H 'Content-Type: application/json' -d '{"date":"2027-01-15"}' http://localhost:8080/__admin/clock`
         */
        put: operations["setClock"];
        post?: never;
        /**
         * Back to the baseline's clock setting
         * @description The clock returns to what the scope started with (`--clock`, or the real date and scenarios'
         *     own clocks); ledgers and fault rules are untouched.
         *
         *     `curl -X DELETE http://localhost:8080/__admin/clock`
         */
        delete: operations["resetClock"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the clock by days, weeks or months
         * @description Adds to the offset, so every party moves: those answered at the fixed date, at their
         *     scenario's own clock, or at the server's date. Exactly one of `days`, `weeks` or `months`, a
         *     whole number other than 0 (negative moves back), at most 36 600 days; months are calendar months
         *     from the current `today`. Claims fall due, interest (`stipulerteRenter`) grows.
         *
         *     `curl -X POST -H 'Content-Type: application/json' -d '{"days":30}' http://localhost:8080/__admin/clock/advance`
         */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/parties/{partIdentifikator}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment arrives for a party
         * @description Appends a `paymentReceived` event to the party's ledger in this scope, placed by the ledger's
         *     rules: with a KID on the instalments carrying it, oldest due date first, the rest unplaced;
         *     without a KID it stays unplaced (`innbetalingMedUplassertBeloep` in `aapnekrav`). Defaults:
         *     `date` today (the party's clock; relative forms such as `-3d` count from it), `betaler` the
         *     party's name, `innbetalingsidentifikator` a fresh id in the style of the reskontro (`FORF-9…`
         *     in the VAT ledger, an eight-digit number in the other). A KID that no claim of the party has is
         *     refused here (leave it out for an unplaced payment). Checked like an event in a scenario file;
         *     problems are 400 `invalid-event` with paths relative to the body and nothing changes. The answer
         *     holds the event as stored and where the payment went (`placement`, from the ledger's replay at
         *     its date). The four API endpoints show it at once (a date after the clock: once the clock gets
         *     there, `pending: true`).
         *
         *     `curl -X POST -H 'Content-Type: application/json' -d '{"beloep":5000}' http://localhost:8080/__admin/parties/313367002/payments`
         */
        post: operations["addPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/parties/{partIdentifikator}/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payout is made to a party
         * @description Appends a `payout` event: from credit claims (`fraKreditkrav`) and/or back from payments'
         *     unplaced amounts (`tilbakebetalingAv`). Defaults: `date` today (the party's clock),
         *     `utbetalingsidentifikator` a fresh eight-digit id, `mottaker` the party's name. Paying out more
         *     than is left is 400 `invalid-event` with the amount left in the message.
         *
         *     `curl -X POST -H 'Content-Type: application/json' -d '{"tilbakebetalingAv":[{"innbetalingsidentifikator":"FORF-94341581","beloep":5000}]}' http://localhost:8080/__admin/parties/313367002/payouts`
         */
        post: operations["addPayout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/parties/{partIdentifikator}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new claim is raised for a party
         * @description Appends a `claimRaised` event. Defaults: `date` today (the party's clock), `kravidentifikator`
         *     and each `kravforfallsIdentifikator` fresh ids in the style of the reskontro (`KRAV-3…` in the
         *     VAT ledger, where a single instalment carries the claim's id; numbers in the other), and one
         *     valid KID (MOD11 in the VAT ledger, MOD10 in the other) that no other claim of the party uses,
         *     on every debit instalment sent without one. Due dates may be relative (`+3w`).
         *
         *     `curl -X POST -H 'Content-Type: application/json' -d '{"reskontro":"skatteinnkreving","kravtype":"RESTSKATT","kravgruppe":"Skatt","kravbeskrivelse":"Restskatt - 2026","kravforfall":[{"forfallsdato":"+3w","beloep":12000}]}' http://localhost:8080/__admin/parties/313367002/claims`
         */
        post: operations["addClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/parties/{partIdentifikator}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Any ledger event, exactly as in a scenario file
         * @description Appends one event of any type (`claimRaised`, `paymentReceived`, `paymentPlaced`, `setOff`,
         *     `setOffInLegalOrder`, `payout`) written exactly as in a scenario file: every required field
         *     given, no defaults, dates absolute or relative to the party's clock. Checked against the event
         *     schema of `contracts/scenario.schema.json` and the ledger's rules on the ledger with the event
         *     appended; problems it would cause on events already in the ledger are reported with the path
         *     `(ledger) events[i]…`.
         *
         *     `curl -X POST -H 'Content-Type: application/json' -d '{"type":"paymentPlaced","date":"today","innbetalingsidentifikator":"FORF-94341581","kravforfallsIdentifikator":"KRAV-34297448","beloep":5000}' http://localhost:8080/__admin/parties/313367002/events`
         */
        post: operations["addEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__admin/parties/{partIdentifikator}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One party's ledger as the dashboard shows it, with the balance over time
         * @description The party's ledger in this scope at its clock (`answeredAt`): every claim raised by then with
         *     its instalments (due date, amount, remaining, KID, the account to pay to, and what was placed
         *     on each: payments, set-offs, payouts), every payment with where it was placed and what is left
         *     unplaced, every payout with what it paid out, the API's `totalOversikt`, the events dated after
         *     the clock (`pendingEvents`), and `balanceOverTime`: the API's `totalOversikt` at each month end
         *     from the month of the first event to the clock, and at the clock (at most 60 points; longer
         *     ledgers take every n-th month end, `stepMonths`, counted back from the clock). Every value is
         *     read from the ledger's replay and the builders the four API endpoints use, as
         *     `regnskapssystem` sees them, so the amounts and their signs are the API's (a payment's
         *     `innbetaltBeloep` and `uplassertBeloep` are negative, as in `innbetalinger`). Field names are
         *     the API's where the API has the field; kravmock's own additions have English names. Takes no
         *     query parameters. The dashboard at `/__admin/ui/` shows this.
         *
         *     `curl http://localhost:8080/__admin/parties/313367002`
         */
        get: operations["getPartyLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers
         * @description 200 whenever kravmock answers at all, draining or not. Needs no admin token (with `--no-admin`
         *     too), makes no session and is not journaled; the request is logged at `debug`. The Docker
         *     image's `HEALTHCHECK` calls it.
         *
         *     `curl http://localhost:8080/health`
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: serving, with what is loaded; 503 while draining
         * @description 200 with the number of scenarios and parties in the shared state once kravmock listens (the
         *     scenarios are loaded before it does); 503 `draining` from the moment SIGTERM or SIGINT starts
         *     the graceful stop, so a load balancer stops sending new requests. Needs no admin token, makes
         *     no session and is not journaled.
         *
         *     `curl http://localhost:8080/ready`
         */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Krav og betalinger contract kravmock serves (contracts/openapi.yaml)
         * @description The file as it ships in the package, byte for byte. No admin token needed.
         *
         *     `curl http://localhost:8080/openapi.yaml`
         */
        get: operations["apiContractYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Krav og betalinger contract as JSON
         * @description contracts/openapi.yaml converted to JSON, for tools that do not read YAML. No admin token needed.
         *
         *     `curl http://localhost:8080/openapi.json`
         */
        get: operations["apiContractJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin-openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This contract (contracts/admin-openapi.yaml)
         * @description The file as it ships in the package. No admin token needed; with `--no-admin` it is 404 `KB-003`
         *     as the admin API itself.
         *
         *     `curl http://localhost:8080/admin-openapi.yaml`
         */
        get: operations["adminContractYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Swagger UI for the contracts
         * @description A Swagger UI page for `/openapi.yaml`, with a selector for `/admin-openapi.yaml` (not with
         *     `--no-admin`). Everything it loads is served by kravmock under `/docs/` from the
         *     swagger-ui-dist package: no CDN. "Try it out" sends requests to this kravmock. No admin token
         *     needed.
         *
         *     `curl http://localhost:8080/docs`
         */
        get: operations["docsPage"];
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
        /** @description kravmock answers (GET /health). */
        Health: {
            /** @constant */
            status: "ok";
        };
        /** @description kravmock serves (GET /ready), with what the shared state holds. */
        Readiness: {
            /** @constant */
            status: "ready";
            /** @description Scenarios loaded in the shared state (the built-in one and the library included). */
            scenarios: number;
            /** @description Parties in those scenarios. */
            parties: number;
        };
        /** @description kravmock is stopping (GET /ready after SIGTERM or SIGINT). */
        Draining: {
            /** @constant */
            status: "draining";
        };
        /** @description One party's ledger at its clock (GET /__admin/parties/{partIdentifikator}); amounts in NOK with the API's signs. */
        PartyLedgerView: {
            partIdentifikator: string;
            navn: string;
            /** @description The scenario the party belongs to. */
            scenario: string;
            /**
             * Format: date
             * @description The party's clock; everything is shown as at this date.
             */
            answeredAt: string;
            skjermet: boolean;
            /** @description Other identifiers whose claims belong to this party's answers (an ENK owner's fødselsnummer). */
            tilknyttedeParter?: string[];
            totalOversikt: components["schemas"]["PartyTotals"];
            /** @description Every claim raised on or before the clock, settled ones included, in ledger order. */
            krav: components["schemas"]["PartyClaim"][];
            /** @description Every payment received on or before the clock, in ledger order. */
            innbetalinger: components["schemas"]["PartyPayment"][];
            /** @description Every payout made on or before the clock, in ledger order. */
            utbetalinger: components["schemas"]["PartyPayout"][];
            /** @description Events dated after the clock; the API shows them once the clock reaches their date. */
            pendingEvents: {
                /** @enum {unknown} */
                type: "claimRaised" | "paymentReceived" | "paymentPlaced" | "setOff" | "setOffInLegalOrder" | "payout";
                /** Format: date */
                date: string;
                /** @description The claim's, payment's or payout's id (for a set-off its motregningsidentifikator or the credit instalment). */
                id?: string;
            }[];
            balanceOverTime: {
                /** @description Months between two points before the last one (1 unless the ledger spans more than 59 months). */
                stepMonths: number;
                /** @description Oldest first; the last point is the clock. */
                points: components["schemas"]["PartyBalancePoint"][];
            };
        };
        /** @description The API's `totalOversikt` of `aapnekrav`; `saldo` = forfalte + ikke forfalte + stipulerte renter + uplasserte innbetalinger (payments negative). */
        PartyTotals: {
            sumStipulerteRenter: number;
            sumForfalteKrav: number;
            sumIkkeForfalteKrav: number;
            sumUplasserteInnbetalinger: number;
            saldo: number;
        };
        /** @description The API's `totalOversikt` as `aapnekrav` would answer it at `dato`. */
        PartyBalancePoint: {
            /** Format: date */
            dato: string;
            sumStipulerteRenter: number;
            sumForfalteKrav: number;
            sumIkkeForfalteKrav: number;
            sumUplasserteInnbetalinger: number;
            saldo: number;
        };
        /** @description A claim as the API's `Krav`, flattened for a table. */
        PartyClaim: {
            kravidentifikator: string;
            /** @description The party owning the claim (for an ENK possibly the owner's fødselsnummer). */
            partIdentifikator: string;
            /**
             * @description Which of Skatteetaten's ledgers the claim is in (kravmock's scenario field).
             * @enum {unknown}
             */
            reskontro: "mva" | "skatteinnkreving";
            kravtype: string;
            kravgruppe: string;
            /** @description The Norwegian text of the API's `kravbeskrivelse`. */
            kravbeskrivelse: string;
            /** Format: date */
            opprettelsesdatoForKrav: string;
            opprinneligBeloep: number;
            gjenstaaendeBeloep: number;
            stipulerteRenter?: number;
            hovedstolKravidentifikator?: string;
            kravforfall: components["schemas"]["PartyInstalment"][];
        };
        /** @description An instalment as the API's `Kravforfall`, with `betalingsinformasjon.kidnummer` and `betalingsinformasjon.konto.kontonummer` lifted up. */
        PartyInstalment: {
            kravforfallsIdentifikator: string;
            /** Format: date */
            forfallsdato: string;
            opprinneligBeloep: number;
            gjenstaaendeBeloep: number;
            kidnummer?: string;
            /** @description The account to pay the instalment to. */
            kontonummer?: string;
            plassertInnbetaling: {
                innbetalingsIdentifikator: string;
                plassertBeloep: number;
                /** Format: date */
                plassertDato?: string;
            }[];
            plassertMotkrav: {
                kravforfallsIdentifikator: string;
                plassertBeloep: number;
                /** Format: date */
                plassertDato?: string;
            }[];
            plassertUtbetaling: {
                utbetalingsidentifikator: string;
                plassertBeloep: number;
                /** Format: date */
                plassertDato: string;
            }[];
        };
        /** @description A payment as the API's `Innbetaling`; `plassertKrav` also names the claim (`kravidentifikator`) of each instalment. */
        PartyPayment: {
            innbetalingsidentifikator: string;
            /** Format: date */
            innbetalingsdato: string;
            innbetaltBeloep: number;
            uplassertBeloep: number;
            innbetalingstype?: string;
            kidnummer?: string;
            /** @description The payer (absent for a skjermet party). */
            kontoeiersNavn?: string;
            plassertKrav: {
                kravidentifikator: string;
                kravforfallIdentifikator: string;
                /** Format: date */
                kravforfallsdato?: string;
                plassertBeloep: number;
                /** Format: date */
                plassertDato?: string;
            }[];
            plassertUtbetaling: {
                utbetalingsidentifikator: string;
                /** Format: date */
                utbetaltdato: string;
                utbetaltBeloep: number;
            }[];
        };
        /** @description A payout as the API's `Utbetaling`, with `grunnlagForUtbetaling` lifted up. */
        PartyPayout: {
            utbetalingsidentifikator: string;
            /** Format: date */
            utbetaltdato: string;
            utbetaltBeloep: number;
            /** @enum {unknown} */
            utbetalingstatus?: "bekreftet" | "underUtbetaling";
            /** @description The recipient (absent for a skjermet party). */
            kontoeiersNavn?: string;
            kreditKrav: {
                kravforfallidentifikator: string;
                utbetaltBeloep: number;
            }[];
            tilbakebetalingAv: {
                innbetalingsIdentifikator: string;
                utbetaltBeloep: number;
            }[];
        };
        /** @description A scenario document exactly as in a scenario file; its schema is `contracts/scenario.schema.json` (name, description, optional clock, parties with their events). */
        ScenarioDocument: Record<string, unknown>;
        ScenarioFilesRequest: {
            /** @description Scenario files (`.yaml`, `.yml`, `.json`) and folders on the server, relative to its working directory or absolute. */
            paths: string[];
            /** @description Replace loaded scenarios of the same names (default false). */
            replace?: boolean;
        };
        ResetResult: {
            /** @description The session that was reset; absent for the shared state. */
            session?: string;
            /** @description Scenarios loaded in the scope after the reset. */
            scenarios: number;
            parties: number;
            /** @description Fault rules of the baseline (normally none). */
            faultRules: number;
            clock: components["schemas"]["ClockState"];
        };
        ClockState: {
            /**
             * Format: date
             * @description The server's own date (the real date, or the clock function given to `createApp`).
             */
            serverToday: string;
            /**
             * Format: date
             * @description The fixed date (`--clock` or `PUT /__admin/clock`); it wins over scenarios' own clocks.
             */
            fixed?: string;
            /** @description Days added to every clock by `POST /__admin/clock/advance`. */
            offsetDays: number;
            /**
             * Format: date
             * @description The date a party without a clock of its own is answered at, and relative dates of new events and scenarios count from.
             */
            today: string;
            scenarios: {
                name: string;
                /** Format: date */
                answeredAt: string;
            }[];
        };
        ClockSetRequest: {
            /** @description `YYYY-MM-DD`, or relative to the current today: `today`, `+30d`, `-2w`, `-1m`, `+1y`. */
            date: string;
        };
        /** @description Exactly one of days, weeks or months; a whole number other than 0, negative to move back. */
        ClockAdvanceRequest: {
            days?: number;
            weeks?: number;
            months?: number;
        } & (unknown | unknown | unknown);
        /** @description The fields of a `paymentReceived` event (`contracts/scenario.schema.json`) without `type`; everything but `beloep` has a default. */
        PaymentRequest: {
            /** @description Amount paid, positive, at most two decimals. */
            beloep: number;
            /** @description The KID of one of the party's claims; without it the payment stays unplaced. */
            kidnummer?: string;
            /** @description Default `today` (the party's clock); `YYYY-MM-DD` or relative (`-3d`). */
            date?: string;
            /** @description Default the party's name. */
            betaler?: {
                navn: string;
                kontonummer?: string;
            };
            melding?: string;
            /**
             * @description Default the reskontro of the claim the KID identifies, else `skatteinnkreving`.
             * @enum {unknown}
             */
            reskontro?: "mva" | "skatteinnkreving";
            /** @description Default a fresh id in the style of the reskontro. */
            innbetalingsidentifikator?: string;
            /** @description Whose payment it is when not the party's own (a tilknyttet part). */
            partIdentifikator?: string;
            innbetalingstype?: string;
            /** @description Default true; false keeps a payment with KID unplaced. */
            autoPlace?: boolean;
        };
        /** @description The fields of a `payout` event without `type`; at least one of `fraKreditkrav` and `tilbakebetalingAv`. */
        PayoutRequest: {
            /** @description Default `today` (the party's clock). */
            date?: string;
            /** @description Default a fresh eight-digit id. */
            utbetalingsidentifikator?: string;
            partIdentifikator?: string;
            /** @description Default the party's name. */
            mottaker?: {
                navn: string;
                kontonummer?: string;
            };
            melding?: string;
            /** @enum {unknown} */
            status?: "bekreftet" | "underUtbetaling";
            fraKreditkrav?: {
                kravforfallsIdentifikator: string;
                beloep: number;
            }[];
            tilbakebetalingAv?: {
                innbetalingsidentifikator: string;
                beloep: number;
            }[];
        };
        /** @description The fields of a `claimRaised` event (`contracts/scenario.schema.json`) without `type`; ids, KIDs and `date` have defaults. */
        ClaimRequest: {
            /** @description Creation date; default `today` (the party's clock). */
            date?: string;
            /** @description Default a fresh id in the style of the reskontro. */
            kravidentifikator?: string;
            partIdentifikator?: string;
            /** @enum {unknown} */
            reskontro: "mva" | "skatteinnkreving";
            kravtype: string;
            kravgruppe: string;
            kravbeskrivelse: string;
            kortBeskrivelse?: string;
            kravperiode?: Record<string, unknown>;
            /** @enum {unknown} */
            fastsettingsmaate?: "blank" | "egenfastsatt" | "myndighetsfastsatt";
            hovedstolKravidentifikator?: string;
            stipulerteRenter?: number | null;
            konto?: Record<string, unknown>;
            kravforfall: {
                /** @description Default a fresh id. */
                kravforfallsIdentifikator?: string;
                /** @description `YYYY-MM-DD` or relative to the party's clock (`+3w`). */
                forfallsdato: string;
                /** @description Positive on a debit claim, negative on a credit claim. */
                beloep: number;
                /** @description Default (debit instalments) one fresh valid KID for the claim. */
                kidnummer?: string;
            }[];
        };
        /** @description A ledger event exactly as in a scenario file, of any type; its schema is `$defs/Event` of `contracts/scenario.schema.json`. Dates may be relative to the party's clock in a request; stored events have absolute dates. */
        LedgerEvent: {
            /** @enum {unknown} */
            type: "claimRaised" | "paymentReceived" | "paymentPlaced" | "setOff" | "setOffInLegalOrder" | "payout";
            date: string;
        };
        LedgerActionResult: {
            partIdentifikator: string;
            event: components["schemas"]["LedgerEvent"];
            /**
             * Format: date
             * @description The date the party is answered at now (its clock); `today` in the request meant this date.
             */
            answeredAt: string;
            /** @description True when the event is dated after `answeredAt`; the API shows it once the clock reaches its date. */
            pending: boolean;
            placement?: components["schemas"]["PaymentPlacement"];
        };
        /** @description Where a payment went at its date, as the ledger placed it (payments only). */
        PaymentPlacement: {
            placed: {
                kravidentifikator: string;
                kravforfallsIdentifikator: string;
                /** Format: date */
                forfallsdato: string;
                /** @description The amount placed on this instalment. */
                beloep: number;
            }[];
            /** @description What is left of the payment unplaced. */
            unplaced: number;
        };
        JournalPage: {
            /** @description Entries the journal keeps, all scopes together (0 = the journal is off). */
            capacity: number;
            /** @description Entries of the scope asked for that the journal holds now (before the filters). */
            size: number;
            /** @description Entries dropped because the journal was full (all scopes: it is one ring). */
            dropped: number;
            /** @description Newest first, at most `limit`. */
            entries: components["schemas"]["JournalEntry"][];
        };
        JournalEntry: {
            /** @description Increasing in the order entries were recorded. */
            id: number;
            /**
             * Format: date-time
             * @description When the request arrived.
             */
            time: string;
            /** @description The X-Kravmock-Session the request worked in; absent for the shared scope. */
            session?: string;
            method: string;
            path: string;
            query: {
                [key: string]: string | string[];
            };
            headers: components["schemas"]["JournalHeaders"];
            endpoint?: string;
            rettighetspakke?: string;
            partIdentifikator?: string;
            /** @description The status sent; null when the connection closed before a status line went out. */
            status: number | null;
            /**
             * @description `connection-closed`: the client went away or a fault reset the connection before the response was complete.
             * @enum {unknown}
             */
            outcome: "answered" | "connection-closed";
            korrelasjonsid: string;
            /** @description From arrival to the end of the response (or the close), 0.1 ms precision. */
            durationMs: number;
            /** @description The API error code of an error response. */
            kode?: string;
            /** @description The error message (its first 2,000 characters). */
            melding?: string;
            access?: components["schemas"]["JournalAccessDecision"];
            /** @description The fault or preference that shaped the answer. */
            fault?: string;
            /** @description Where the response broke contracts/openapi.yaml (the first 20). */
            violations?: components["schemas"]["JournalViolation"][];
            /** @description How many violations there were in all. */
            violationCount?: number;
        };
        JournalHeaders: {
            accept?: string;
            prefer?: string;
            "user-agent"?: string;
            korrelasjonsid?: string;
            "x-kravmock-session"?: string;
            /** @description The scheme and `…` with the credential's last six characters (none for a credential under 20 characters); never the credential. */
            authorization?: string;
            /**
             * @description Whether a consent token was sent; the token is never kept.
             * @enum {unknown}
             */
            altinnsamtykke: "present" | "absent";
        };
        JournalAccessDecision: {
            /** @enum {unknown} */
            mode: "off" | "permissive" | "strict";
            /** @enum {unknown} */
            outcome: "not-checked" | "granted" | "without-token" | "refused";
            /** @description The organisation the access token speaks for. */
            consumer?: string;
            /** @description Why access was refused (the error's message), or the warning noted. */
            reason?: string;
        };
        JournalViolation: {
            /** @description JSON pointer into the response body. */
            instancePath: string;
            message: string;
        };
        /** @description The fields of a fault rule; FaultRuleInput, FaultRule and FaultRuleState build on them. */
        FaultRuleFields: {
            /** @description The rule's name in this scope; `fault-1`, `fault-2`, … when not given. */
            id?: string;
            /** @description Only requests for this party; every party when absent. */
            partIdentifikator?: string;
            /**
             * @description Only this endpoint; every endpoint when absent.
             * @enum {unknown}
             */
            endpoint?: "aapnekrav" | "krav" | "innbetalinger" | "utbetalinger";
            /** @description Chance that the rule fires for a matching request (default 1). */
            probability?: number;
            latency?: components["schemas"]["FaultLatency"];
            failure?: components["schemas"]["FaultFailure"];
            /** @description Seed of the rule's random stream; derived from the server's fault seed and the id when not given. */
            seed?: number;
        };
        /** @description A new fault rule; at least one of `latency` and `failure`. */
        FaultRuleInput: components["schemas"]["FaultRuleFields"] | unknown | unknown;
        /** @description A fault rule as stored, defaults filled in. */
        FaultRule: WithRequired<components["schemas"]["FaultRuleFields"], "id" | "probability" | "seed"> | unknown | unknown;
        /** @description A stored fault rule with its counters in this scope. */
        FaultRuleState: WithRequired<components["schemas"]["FaultRuleFields"], "id" | "probability" | "seed"> & {
            /** @description API requests the rule matched since it was added (or the last reset). */
            matched: number;
            /** @description Of those, how many it shaped (its draw fell below the probability). */
            fired: number;
        };
        FaultRuleList: {
            /** @description The server's fault seed (`--fault-seed`, else chosen at start and logged). */
            serverSeed: number;
            rules: components["schemas"]["FaultRuleState"][];
        };
        /** @description How long to wait before answering. */
        FaultLatency: components["schemas"]["FixedLatency"] | components["schemas"]["UniformLatency"] | components["schemas"]["LognormalLatency"];
        FixedLatency: {
            /** @constant */
            distribution: "fixed";
            ms: number;
        };
        /** @description A whole number of milliseconds from `minMs` to `maxMs`, each equally likely. */
        UniformLatency: {
            /** @constant */
            distribution: "uniform";
            minMs: number;
            maxMs: number;
        };
        /** @description `medianMs·exp(sigma·z)` with z standard normal (a long tail, like real latency), capped at `maxMs` (default 60000). */
        LognormalLatency: {
            /** @constant */
            distribution: "lognormal";
            medianMs: number;
            sigma: number;
            maxMs?: number;
        };
        /** @description What the answer is when the rule fires. */
        FaultFailure: components["schemas"]["ErrorFailure"] | components["schemas"]["UnavailableFailure"] | components["schemas"]["RateLimitFailure"] | components["schemas"]["SocketFailure"];
        /** @description 500 with `KB-001` (unexpected error in the service) or `KB-002` (in a back-end system). */
        ErrorFailure: {
            /** @constant */
            type: "error";
            /** @enum {unknown} */
            kode: "KB-001" | "KB-002";
        };
        /** @description 503 `KRAVMOCK-503` with `Retry-After` (default 1 second). */
        UnavailableFailure: {
            /** @constant */
            type: "unavailable";
            retryAfterSeconds?: number;
        };
        /** @description 429 `KRAVMOCK-429` with `Retry-After` (default 1 second). */
        RateLimitFailure: {
            /** @constant */
            type: "rateLimit";
            retryAfterSeconds?: number;
        };
        /** @description `reset`: the connection is reset (TCP RST); `empty`: closed without a byte; `truncated`: status and headers with the full Content-Length, then half the body, then closed. */
        SocketFailure: {
            /** @enum {unknown} */
            type: "reset" | "empty" | "truncated";
        };
        SessionList: {
            /** @description Idle time after which a session is dropped (`--session-ttl`). */
            ttlSeconds: number;
            /** @description Most sessions alive at once (`--max-sessions`). */
            maxSessions: number;
            sessions: components["schemas"]["SessionSummary"][];
        };
        SessionSummary: {
            id: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description The last request (API or admin) that carried the session's id.
             */
            lastUsed: string;
            /**
             * Format: date-time
             * @description When the session is dropped if no request uses it before.
             */
            expiresAt: string;
            /**
             * Format: date
             * @description The session's "today" (its clock setting on the server's date); a party of a scenario with its own clock is answered at that clock unless the session's clock is set.
             */
            answeredAt: string;
            /** @description Parties whose ledger differs from what a reset of the session returns to (after payments, payouts or claims added in the session). */
            changedParties: number;
            /** @description Fault rules set in the session. */
            faults: number;
        };
        AdminError: {
            /** @description A stable machine-readable code, e.g. `invalid-body`, `unknown-party`, `scenario-clash`. */
            error: string;
            /** @description What was wrong and what was expected. */
            message: string;
            /** @description Every problem found (rejected scenarios and ledger actions), as `kravmock validate` lists them. */
            problems?: {
                path: string;
                message: string;
                file?: string;
                line?: number;
                col?: number;
            }[];
        };
        ScenarioList: {
            scenarios: components["schemas"]["Scenario"][];
        };
        Scenario: {
            /** @description Stable identifier; also the Pact provider state. */
            name: string;
            description: string;
            /** @description The file the scenario came from, or `<built-in>`. */
            source: string;
            /**
             * Format: date
             * @description The date its relative dates were resolved against.
             */
            clock: string;
            /**
             * Format: date
             * @description The scenario's own clock, when its file sets one (an explicit server clock wins over it).
             */
            ownClock?: string;
            /**
             * Format: date
             * @description The date its parties are answered at now (after any clock setting or advance).
             */
            answeredAt: string;
            parties: components["schemas"]["ScenarioParty"][];
        };
        ScenarioParty: {
            partIdentifikator: string;
            navn: string;
            skjermet: boolean;
            tilknyttedeParter?: string[];
            /** @description Number of claims raised in the ledger. */
            krav: number;
            innbetalinger: number;
            utbetalinger: number;
        };
        TokenRequest: {
            /** @description The consumer organisation (the vendor's customer, or the bank). */
            org: string;
            /** @enum {unknown} */
            pakke: "regnskapssystem" | "finans";
            /** @description The party whose data is read; defaults to `org`. */
            party?: string;
            /** @enum {unknown} */
            consent?: "header" | "token";
            /** @description Consent validity in days (at most 90). */
            validDays?: number;
            scope?: string;
        };
        TokenResponse: {
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            expires_in: number;
            scope: string;
            /** @description The Altinn 2 consent token for the AltinnSamtykke header (finans with consent header). */
            altinn_samtykke?: string;
        };
        ClientRegistration: {
            clientId: string;
            orgnr: string;
            /** @description A public JWK, a PEM public key or an X.509 PEM certificate (RSA). */
            publicKey: string | Record<string, unknown>;
            scopes?: string[];
            systemId?: string;
        };
        RegisteredClient: {
            clientId: string;
            orgnr: string;
            scopes: string[];
            systemId: string;
        };
        OAuthError: {
            error: string;
            error_description: string;
        };
    };
    responses: {
        /** @description The request body is larger than the endpoint accepts (`error: body-too-large`): 5 MB for a scenario, 64 kB for the other bodies. Nothing was changed. */
        AdminBodyTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AdminError"];
            };
        };
        /** @description The request body is in a media type the endpoint does not read (`error: unsupported-media-type`); the message names the accepted ones. Nothing was changed. */
        AdminUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AdminError"];
            };
        };
        /** @description The event as stored in the party's ledger (ids and dates filled in), and for a payment where it went */
        LedgerActionDone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LedgerActionResult"];
            };
        };
        /** @description The request named a new `X-Kravmock-Session` while the most sessions allowed (`--max-sessions`) are alive (`error: too-many-sessions`). Nothing was created; end a session or retry after `Retry-After` seconds. */
        AdminUnavailable: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AdminError"];
            };
        };
        /** @description The request was not acceptable; `message` says what was wrong and what was expected, `problems` lists every problem of a rejected scenario or action. Nothing was changed. */
        AdminBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AdminError"];
            };
        };
        /** @description The admin API needs its token (kravmock listens beyond loopback, or a token was configured): send `Authorization: Bearer <admin token>`. */
        AdminUnauthorized: {
            headers: {
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AdminError"];
            };
        };
        /** @description No such scenario, party, session or fault rule in this scope. */
        AdminNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AdminError"];
            };
        };
        /** @description The change clashes with the current state (for example a scenario name or party already loaded). Nothing was changed. */
        AdminConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AdminError"];
            };
        };
        /** @description The request body was not acceptable (400), or larger than 64 kB (413); `error_description` says what was wrong. */
        InvalidRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
    };
    parameters: {
        /** @description The session id, as sent in `X-Kravmock-Session`. */
        SessionId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type Health = components['schemas']['Health'];
export type Readiness = components['schemas']['Readiness'];
export type Draining = components['schemas']['Draining'];
export type PartyLedgerView = components['schemas']['PartyLedgerView'];
export type PartyTotals = components['schemas']['PartyTotals'];
export type PartyBalancePoint = components['schemas']['PartyBalancePoint'];
export type PartyClaim = components['schemas']['PartyClaim'];
export type PartyInstalment = components['schemas']['PartyInstalment'];
export type PartyPayment = components['schemas']['PartyPayment'];
export type PartyPayout = components['schemas']['PartyPayout'];
export type ScenarioDocument = components['schemas']['ScenarioDocument'];
export type ScenarioFilesRequest = components['schemas']['ScenarioFilesRequest'];
export type ResetResult = components['schemas']['ResetResult'];
export type ClockState = components['schemas']['ClockState'];
export type ClockSetRequest = components['schemas']['ClockSetRequest'];
export type ClockAdvanceRequest = components['schemas']['ClockAdvanceRequest'];
export type PaymentRequest = components['schemas']['PaymentRequest'];
export type PayoutRequest = components['schemas']['PayoutRequest'];
export type ClaimRequest = components['schemas']['ClaimRequest'];
export type LedgerEvent = components['schemas']['LedgerEvent'];
export type LedgerActionResult = components['schemas']['LedgerActionResult'];
export type PaymentPlacement = components['schemas']['PaymentPlacement'];
export type JournalPage = components['schemas']['JournalPage'];
export type JournalEntry = components['schemas']['JournalEntry'];
export type JournalHeaders = components['schemas']['JournalHeaders'];
export type JournalAccessDecision = components['schemas']['JournalAccessDecision'];
export type JournalViolation = components['schemas']['JournalViolation'];
export type FaultRuleFields = components['schemas']['FaultRuleFields'];
export type FaultRuleInput = components['schemas']['FaultRuleInput'];
export type FaultRule = components['schemas']['FaultRule'];
export type FaultRuleState = components['schemas']['FaultRuleState'];
export type FaultRuleList = components['schemas']['FaultRuleList'];
export type FaultLatency = components['schemas']['FaultLatency'];
export type FixedLatency = components['schemas']['FixedLatency'];
export type UniformLatency = components['schemas']['UniformLatency'];
export type LognormalLatency = components['schemas']['LognormalLatency'];
export type FaultFailure = components['schemas']['FaultFailure'];
export type ErrorFailure = components['schemas']['ErrorFailure'];
export type UnavailableFailure = components['schemas']['UnavailableFailure'];
export type RateLimitFailure = components['schemas']['RateLimitFailure'];
export type SocketFailure = components['schemas']['SocketFailure'];
export type SessionList = components['schemas']['SessionList'];
export type SessionSummary = components['schemas']['SessionSummary'];
export type AdminError = components['schemas']['AdminError'];
export type ScenarioList = components['schemas']['ScenarioList'];
export type Scenario = components['schemas']['Scenario'];
export type ScenarioParty = components['schemas']['ScenarioParty'];
export type TokenRequest = components['schemas']['TokenRequest'];
export type TokenResponse = components['schemas']['TokenResponse'];
export type ClientRegistration = components['schemas']['ClientRegistration'];
export type RegisteredClient = components['schemas']['RegisteredClient'];
export type OAuthError = components['schemas']['OAuthError'];
export type ResponseAdminBodyTooLarge = components['responses']['AdminBodyTooLarge'];
export type ResponseAdminUnsupportedMediaType = components['responses']['AdminUnsupportedMediaType'];
export type ResponseLedgerActionDone = components['responses']['LedgerActionDone'];
export type ResponseAdminUnavailable = components['responses']['AdminUnavailable'];
export type ResponseAdminBadRequest = components['responses']['AdminBadRequest'];
export type ResponseAdminUnauthorized = components['responses']['AdminUnauthorized'];
export type ResponseAdminNotFound = components['responses']['AdminNotFound'];
export type ResponseAdminConflict = components['responses']['AdminConflict'];
export type ResponseInvalidRequest = components['responses']['InvalidRequest'];
export type ParameterSessionId = components['parameters']['SessionId'];
export type $defs = Record<string, never>;
export interface operations {
    listScenarios: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The loaded scenarios */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioList"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    loadScenario: {
        parameters: {
            query?: {
                /** @description `true` replaces a loaded scenario of the same name; default `false` (a clash is 409). */
                replace?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScenarioDocument"];
                "application/yaml": components["schemas"]["ScenarioDocument"];
                "text/yaml": components["schemas"]["ScenarioDocument"];
                "application/x-yaml": components["schemas"]["ScenarioDocument"];
            };
        };
        responses: {
            /** @description The loaded scenario, as `GET /__admin/scenarios` lists it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scenario"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            409: components["responses"]["AdminConflict"];
            413: components["responses"]["AdminBodyTooLarge"];
            415: components["responses"]["AdminUnsupportedMediaType"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    mintToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The minted token(s) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["AdminUnauthorized"];
            413: components["responses"]["InvalidRequest"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    registerClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientRegistration"];
            };
        };
        responses: {
            /** @description The registered client */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredClient"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["AdminUnauthorized"];
            413: components["responses"]["InvalidRequest"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The live sessions and the limits they live under */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session id, as sent in `X-Kravmock-Session`. */
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionSummary"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session id, as sent in `X-Kravmock-Session`. */
                id: components["parameters"]["SessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    listFaultRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fault rules of this scope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultRuleList"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    addFaultRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultRuleInput"];
            };
        };
        responses: {
            /** @description The stored rule */
            201: {
                headers: {
                    /** @description Where the rule can be read and deleted, `/__admin/faults/{id}`. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultRule"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            409: components["responses"]["AdminConflict"];
            413: components["responses"]["AdminBodyTooLarge"];
            415: components["responses"]["AdminUnsupportedMediaType"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    clearFaultRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scope has no fault rules */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    getFaultRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultRuleState"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    deleteFaultRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rule's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule is gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    readJournal: {
        parameters: {
            query?: {
                /** @description Only requests for this partIdentifikator (9 or 11 digits). */
                party?: string;
                /** @description Only requests for this endpoint. */
                endpoint?: "aapnekrav" | "krav" | "innbetalinger" | "utbetalinger";
                /** @description An exact status (`404`) or a class (`4xx`). Requests whose connection closed before a status went out have none and never match. */
                status?: string;
                /** @description An entry id (only newer entries, for polling) or an ISO 8601 time with a zone, or a date (entries at or after it). */
                since?: string;
                /** @description At most this many entries (default 100, at most the capacity). */
                limit?: number;
                /** @description `all`: the entries of every scope, the shared one and all sessions. */
                session?: "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scope's entries that match, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JournalPage"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    clearJournal: {
        parameters: {
            query?: {
                /** @description `all`: clear every scope's entries. */
                session?: "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries are gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    loadScenarioFiles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScenarioFilesRequest"];
            };
        };
        responses: {
            /** @description The loaded scenarios, in load order */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioList"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            409: components["responses"]["AdminConflict"];
            413: components["responses"]["AdminBodyTooLarge"];
            415: components["responses"]["AdminUnsupportedMediaType"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    deleteScenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The scenario's name. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scenario is gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    resetScenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The scenario's name. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scenario, as loaded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scenario"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    resetScope: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the scope holds after the reset */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetResult"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    setClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockSetRequest"];
            };
        };
        responses: {
            /** @description The clock after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            413: components["responses"]["AdminBodyTooLarge"];
            415: components["responses"]["AdminUnsupportedMediaType"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    resetClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockAdvanceRequest"];
            };
        };
        responses: {
            /** @description The clock after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            413: components["responses"]["AdminBodyTooLarge"];
            415: components["responses"]["AdminUnsupportedMediaType"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    addPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The party (organisation number or fødselsnummer) of a loaded scenario in this scope. */
                partIdentifikator: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentRequest"];
            };
        };
        responses: {
            201: components["responses"]["LedgerActionDone"];
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            413: components["responses"]["AdminBodyTooLarge"];
            415: components["responses"]["AdminUnsupportedMediaType"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    addPayout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The party (organisation number or fødselsnummer) of a loaded scenario in this scope. */
                partIdentifikator: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayoutRequest"];
            };
        };
        responses: {
            201: components["responses"]["LedgerActionDone"];
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            413: components["responses"]["AdminBodyTooLarge"];
            415: components["responses"]["AdminUnsupportedMediaType"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    addClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The party (organisation number or fødselsnummer) of a loaded scenario in this scope. */
                partIdentifikator: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimRequest"];
            };
        };
        responses: {
            201: components["responses"]["LedgerActionDone"];
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            413: components["responses"]["AdminBodyTooLarge"];
            415: components["responses"]["AdminUnsupportedMediaType"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    addEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The party (organisation number or fødselsnummer) of a loaded scenario in this scope. */
                partIdentifikator: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LedgerEvent"];
            };
        };
        responses: {
            201: components["responses"]["LedgerActionDone"];
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            413: components["responses"]["AdminBodyTooLarge"];
            415: components["responses"]["AdminUnsupportedMediaType"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    getPartyLedger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The party (organisation number or fødselsnummer) of a loaded scenario in this scope. */
                partIdentifikator: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The party's ledger at its clock */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartyLedgerView"];
                };
            };
            400: components["responses"]["AdminBadRequest"];
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminNotFound"];
            503: components["responses"]["AdminUnavailable"];
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description kravmock is running */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description kravmock serves */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description kravmock is draining (stopping); the response closes its connection */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Draining"];
                };
            };
        };
    };
    apiContractYaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description contracts/openapi.yaml */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
        };
    };
    apiContractJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description contracts/openapi.yaml as JSON (an OpenAPI 3.1 document) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, unknown>;
                };
            };
        };
    };
    adminContractYaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description contracts/admin-openapi.yaml */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
        };
    };
    docsPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
