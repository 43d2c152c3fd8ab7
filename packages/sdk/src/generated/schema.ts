// Generated from Hangar's OpenAPI document by `npm run sdk:generate`. Do not edit.
export interface paths {
    "/v1/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deployments */
        get: {
            parameters: {
                query?: {
                    state?: "queued" | "uploading" | "provisioning" | "ready" | "updating" | "stopping" | "stopped" | "starting" | "deleting" | "deleted" | "failed";
                    provider?: "together" | "fireworks";
                    /** @description Together deployments on this API generation only (apiVersion=v1: what is left to migrate to v2). */
                    apiVersion?: "v1" | "v2";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of deployments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Deployment"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Deploy a model
         * @description Mistakes are refused with 422 before anything is written or sent to the provider (a replay with the same Idempotency-Key is refused the same way): `hardware.unknown` (the provider offers no such hardware for the model; `details.suggestions` holds the closest ids, `details.list` the route that lists valid ones), `hardware.model_not_deployable`, `deployment.precision_unsupported`, `deployment.precision_invalid`, `deployment.scale_to_zero_unsupported`, `deployment.adapters_unsupported`, `deployment.base_not_found`, `deployment.base_invalid`, `adapter.base_deployment_required` (Together: load the adapter onto a deployment of its base with `baseDeploymentId`), `adapter.base_mismatch` (the adapter's `adapter_config.json` names another base), `adapter.config_missing`, `adapter.config_invalid`. What could not be checked (the hardware list didn't answer in time, the adapter's base isn't named) is accepted and listed in `warnings`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "support-bot",
                     *       "provider": "together",
                     *       "model": {
                     *         "source": "hf://Qwen/Qwen2.5-0.5B-Instruct"
                     *       },
                     *       "hardware": "1x_nvidia_h100_80gb_sxm",
                     *       "autoscaling": {
                     *         "minReplicas": 1,
                     *         "maxReplicas": 2
                     *       },
                     *       "idleTimeoutMinutes": 30
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Unique among your deployments that are not deleted; accepted wherever a deployment id is. Defaults to the id.
                         * @example support-bot
                         */
                        name?: string;
                        /** @enum {string} */
                        provider: "together" | "fireworks";
                        model: {
                            source: string;
                            /**
                             * @default model
                             * @enum {string}
                             */
                            type?: "model" | "adapter";
                            baseModel?: string;
                            /** @description Load this adapter onto a running deployment of its base model. */
                            baseDeploymentId?: string;
                            hfToken?: string;
                        };
                        /** @description Required, except for an adapter loaded onto a deployment. */
                        hardware?: string;
                        /**
                         * @default {
                         *       "minReplicas": 1,
                         *       "maxReplicas": 1
                         *     }
                         */
                        autoscaling?: {
                            minReplicas: number;
                            maxReplicas: number;
                        };
                        /** @description Stop after this long without traffic. Omitted: the tenant's default; null: never. */
                        idleTimeoutMinutes?: number | null;
                        /** @description Omitted: the tenant's default. */
                        idlePolicy?: {
                            /** @description No idle stop this soon after the endpoint becomes ready. */
                            graceMinutes?: number;
                            /** @description Send deployment.idle_warning this long before an idle stop. */
                            warnBeforeMinutes?: number;
                            /** @description Second stage: delete the deployment once it has been stopped this long. */
                            deleteAfterStoppedDays?: number;
                        };
                        /**
                         * @description Active windows: started before each, stopped after.
                         * @example {
                         *       "timezone": "Europe/Paris",
                         *       "windows": [
                         *         {
                         *           "days": [
                         *             "mon",
                         *             "tue",
                         *             "wed",
                         *             "thu",
                         *             "fri"
                         *           ],
                         *           "start": "08:00",
                         *           "end": "19:00"
                         *         }
                         *       ]
                         *     }
                         */
                        schedule?: {
                            timezone: string;
                            windows: {
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                start: string;
                                end: string;
                            }[];
                            /**
                             * @description Start this long before a window opens, so the endpoint serves when it does.
                             * @default 10
                             */
                            startLeadMinutes?: number;
                        } | null;
                        /** @description Weights precision where the provider takes one (Fireworks: FP16, FP8, BF16, …). */
                        precision?: string;
                        /** @description Let the provider drop to zero replicas after this long without requests and wake on the next one (minReplicas must be 0). Distinct from a stop. */
                        scaleToZero?: {
                            afterIdleMinutes: number;
                        };
                        /**
                         * @description Let adapters be loaded onto this deployment later.
                         * @default false
                         */
                        allowAdapters?: boolean;
                        /** @description A request through Hangar's proxy to the deployment while it is stopped starts it: answered 503 `deployment.waking` with Retry-After, or held until it serves with `Prefer: wait=N`. */
                        wakeOnRequest?: boolean;
                        /**
                         * @description Together only: the API generation to deploy on. Omitted: the Hangar's setting (HANGAR_TOGETHER_API, v2 by default). v1 is supported by Together until the end of 2026.
                         * @enum {string}
                         */
                        apiVersion?: "v1" | "v2";
                        /** @description Together v2 only: where to run. GET /v1/hardware?provider=together lists each hardware's regions and headroom. */
                        region?: {
                            name: string;
                            /**
                             * @description true: only this region; false: preferred, elsewhere when it has no room.
                             * @default false
                             */
                            required?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Accepted: the change runs in the background; watch `state` or subscribe to webhooks. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deployment"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a deployment (or wait for a state)
         * @description With `waitFor`, the request is held until the deployment reaches that state or fails, or until `timeoutSeconds` pass; the answer is the deployment as it then is, either way. The `Hangar-Wait` header says `reached`, `failed` (it can no longer get there) or `timeout`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Long poll: answer as soon as the deployment is in this state or failed, or after timeoutSeconds with its current state. The `Hangar-Wait` header says which. */
                    waitFor?: "ready" | "stopped" | "deleted";
                    /** @description How long to hold the request with waitFor (at most 280). */
                    timeoutSeconds?: number | null;
                };
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The deployment */
                200: {
                    headers: {
                        /** @description With waitFor only: how the wait ended. */
                        "Hangar-Wait"?: "reached" | "failed" | "timeout";
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deployment"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete the deployment and its endpoint
         * @description A deployment with adapters loaded onto it is refused (409 `deployment.has_adapters`, listing them) unless `cascade=true`, which deletes them too.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Also delete the adapters loaded onto this deployment. */
                    cascade?: "true" | "false";
                };
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted: the change runs in the background; watch `state` or subscribe to webhooks. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deployment"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename, or change autoscaling, hardware or idle timeout
         * @description A hardware change starts a new endpoint and deletes the old one once the new one serves. Refused with 422 before anything changes: `hardware.unknown` (with `details.suggestions` and `details.list`), `deployment.allow_adapters_immutable` (allowAdapters is fixed at create). A name already used by another deployment that is not deleted answers 409 `deployment.name_taken`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "autoscaling": {
                     *         "minReplicas": 1,
                     *         "maxReplicas": 4
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @example support-bot */
                        name?: string;
                        autoscaling?: {
                            minReplicas: number;
                            maxReplicas: number;
                        };
                        hardware?: string;
                        idleTimeoutMinutes?: number | null;
                        idlePolicy?: components["schemas"]["IdlePolicy"];
                        schedule?: components["schemas"]["Schedule"];
                        /** @description Fixed when the endpoint is created: a different value is refused (422 deployment.allow_adapters_immutable). */
                        allowAdapters?: boolean;
                        /** @description A request through Hangar's proxy to the deployment while it is stopped starts it: answered 503 `deployment.waking` with Retry-After, or held until it serves with `Prefer: wait=N`. */
                        wakeOnRequest?: boolean;
                    };
                };
            };
            responses: {
                /** @description Accepted: the change runs in the background; watch `state` or subscribe to webhooks. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deployment"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/deployments/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deployment's state history, with the provider's own events */
        get: {
            parameters: {
                query?: {
                    /** @description Only Hangar's state history, or only the provider's events. */
                    kind?: "hangar" | "provider";
                };
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DeploymentEvent"][];
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop (keeps the endpoint, stops billing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted: the change runs in the background; watch `state` or subscribe to webhooks. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deployment"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a stopped (or stopping) deployment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted: the change runs in the background; watch `state` or subscribe to webhooks. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deployment"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/migrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a Together v1 deployment to v2 without stopping its traffic
         * @description Creates the v2 endpoint and deployment (same model, hardware, autoscaling and policies) while v1 keeps serving, waits until it serves, switches the proxy to it, then deletes the v1 endpoint after `drainSeconds` so requests in flight finish on v1. `deployment.migrated` fires at the switch (old and new provider endpoint names); if v2 fails, or doesn't serve within `timeoutSeconds`, the deployment stays ready on v1, `lastError` says why, `deployment.migration_failed` fires and the v2 attempt is deleted. Asking again while a migration runs answers as the first request did. Refused before anything is written: 422 `deployment.migration_unsupported` (not Together); 409 `deployment.already_migrated` (already v2), `deployment.invalid_state` (deleted, failed, stopped or in flight: `message` says what to do), `deployment.has_adapters`, `deployment.adapter_follows_base`, `deployment.retiring_endpoint` (an endpoint it no longer uses is still being deleted).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    /**
                     * @example {
                     *       "drainSeconds": 300
                     *     }
                     */
                    "application/json": {
                        /** @description How long the old endpoint keeps serving after the switch, so requests in flight (and those that read the deployment just before) finish on it; default HANGAR_MIGRATION_DRAIN_SECONDS (300). */
                        drainSeconds?: number;
                        /** @description How long the new endpoint may take to serve before the migration is abandoned (it is deleted; the old one keeps serving); default HANGAR_MIGRATION_TIMEOUT_SECONDS (3600). At most 6 hours, Together's own readiness limit. */
                        timeoutSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description Accepted: the change runs in the background; watch `state` or subscribe to webhooks. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deployment"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Smoke-test the endpoint with one chat completion
         * @description Does not count as activity.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    /**
                     * @example {
                     *       "prompt": "Say hello",
                     *       "maxTokens": 32
                     *     }
                     */
                    "application/json": {
                        /** @default Reply with one short sentence to confirm you are working. */
                        prompt?: string;
                        /** @default 32 */
                        maxTokens?: number;
                    };
                };
            };
            responses: {
                /** @description The completion, timed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SmokeTestResult"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OpenAI-compatible chat completions, proxied to the endpoint
         * @description Streaming included. Counts as activity for the idle timeout. A deployment with `wakeOnRequest` that is stopped is started by the request: 503 `deployment.waking` with Retry-After, or, with `Prefer: wait=N`, the request is held until it serves.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description `wait=N` (RFC 7240): a deployment with wakeOnRequest that is waking holds the request up to N seconds (at most 280) until it serves, instead of answering 503 `deployment.waking` at once. */
                    prefer?: string;
                };
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "messages": [
                     *         {
                     *           "role": "user",
                     *           "content": "Hi"
                     *         }
                     *       ],
                     *       "stream": false
                     *     }
                     */
                    "application/json": {
                        messages: unknown[];
                        stream?: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description The provider's response, passed through (JSON, or text/event-stream when streaming) */
                200: {
                    headers: {
                        /** @description `wait=N`: the wait Hangar honoured (capped at the API's limit). */
                        "Preference-Applied"?: string;
                        /** @description With 503 `deployment.waking`: seconds to wait before trying again. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (503) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Heartbeat: traffic sent to the provider directly */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recorded (at most once per interval) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recorded: boolean;
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hardware": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hardware a provider offers, with prices and availability */
        get: {
            parameters: {
                query: {
                    provider: "together" | "fireworks";
                    model?: string;
                    /** @description Together only: the API generation's catalogue; the one new deployments use when omitted. */
                    apiVersion?: "v1" | "v2";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cheapest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Hardware"][];
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/leases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active leases */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Leases not yet expired */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Lease"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Keep a deployment up until a time (no idle or scheduled stop) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "durationMinutes": 120,
                     *       "reason": "customer demo"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Hold until this instant…
                         */
                        until?: string;
                        /** @description …or for this long. */
                        durationMinutes?: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Held */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lease"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/leases/{leaseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Release a lease early */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                    leaseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Released */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a provider can deploy: its catalogue and your uploads
         * @description The provider's list is cached for about 30 minutes.
         */
        get: {
            parameters: {
                query: {
                    provider: "together" | "fireworks";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Your uploads first, then the catalogue */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["DeployableModel"][];
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stops/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dry run: what the next sweeps would stop, start, warn or delete, and why */
        get: {
            parameters: {
                query?: {
                    withinMinutes?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Soonest first; nothing is changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["PlannedAction"][];
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's defaults for new deployments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Defaults */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantSettings"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Set the tenant's default idle policy
         * @description Applies to deployments created afterwards that don't set their own.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "idleTimeoutMinutes": 60,
                     *       "idlePolicy": {
                     *         "graceMinutes": 30,
                     *         "warnBeforeMinutes": 10
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["TenantSettings"];
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantSettings"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook subscriptions, with their status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Subscriptions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookSubscription"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Subscribe a URL to events
         * @description Each delivery is a POST of `{"type","timestamp","sequence","data"}`, signed the
         *     [Standard Webhooks](https://www.standardwebhooks.com/) way: `webhook-id` (the event id, the same on
         *     every attempt), `webhook-timestamp`, and `webhook-signature`: `v1,<base64 HMAC-SHA256 of
         *     id.timestamp.body>`; during a secret rotation's grace period it holds two space-separated
         *     signatures (new, then old). A 2xx answer within 10 s counts as delivered; redirects are not followed.
         *
         *     **Ordering**: events about a deployment carry `sequence`, strictly increasing per deployment (gaps are
         *     normal); sort and de-duplicate by it. Tenant-level notices (`webhook.disabled`, tenant budgets) carry
         *     `sequence: null`.
         *
         *     **Retries** (at least once): 15 attempts over about a day, exponential with ±20% jitter,
         *     each wait capped at 4 h; then the delivery is `failed` and can be redelivered from the delivery log.
         *     A subscription whose every attempt failed for 3 days (operator-configurable) is disabled, and the tenant's other subscriptions
         *     get `webhook.disabled`.
         *
         *     | attempt | wait before it | since the first |
         *     |---|---|---|
         *     | 1 | — | 0 s |
         *     | 2 | 30 s | 30 s |
         *     | 3 | 1 min | 1.5 min |
         *     | 4 | 2 min | 3.5 min |
         *     | 5 | 4 min | 7.5 min |
         *     | 6 | 8 min | 15.5 min |
         *     | 7 | 16 min | 31.5 min |
         *     | 8 | 32 min | 1.1 h |
         *     | 9 | 1.1 h | 2.1 h |
         *     | 10 | 2.1 h | 4.3 h |
         *     | 11 | 4.0 h | 8.3 h |
         *     | 12 | 4.0 h | 12.3 h |
         *     | 13 | 4.0 h | 16.3 h |
         *     | 14 | 4.0 h | 20.3 h |
         *     | 15 | 4.0 h | 24.3 h |
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "url": "https://example.com/hangar/webhooks",
                     *       "events": [
                     *         "deployment.ready",
                     *         "deployment.failed",
                     *         "deployment.stopped"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        url: string;
                        /** @default [] */
                        events?: ("deployment.ready" | "deployment.failed" | "deployment.stopped" | "deployment.started" | "deployment.updated" | "deployment.deleted" | "deployment.waking" | "deployment.migrated" | "deployment.migration_failed" | "deployment.idle_warning" | "deployment.idle_unknown" | "deployment.stop_unconfirmed" | "deployment.delete_unconfirmed" | "budget.warning" | "budget.exceeded" | "webhook.disabled")[];
                    };
                };
            };
            responses: {
                /** @description Subscribed */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example whk_01jd4k2z5x8q3w6e9r0t1y2u3i */
                            id: string;
                            url: string;
                            /** @description Empty: every event. */
                            events: ("deployment.ready" | "deployment.failed" | "deployment.stopped" | "deployment.started" | "deployment.updated" | "deployment.deleted" | "deployment.waking" | "deployment.migrated" | "deployment.migration_failed" | "deployment.idle_warning" | "deployment.idle_unknown" | "deployment.stop_unconfirmed" | "deployment.delete_unconfirmed" | "budget.warning" | "budget.exceeded" | "webhook.disabled")[];
                            /** @enum {string} */
                            status: "active" | "disabled";
                            disabledReason: string | null;
                            disabledAt: string | null;
                            /** @description Since when every delivery attempt has failed; null while healthy. */
                            failingSince: string | null;
                            /** @description After a rotation, until when the old secret also signs deliveries. */
                            previousSecretExpiresAt: string | null;
                            createdAt: string;
                            /** @description Signing secret (Standard Webhooks `whsec_…`). Shown only here. */
                            secret: string;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook subscription */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a subscription's url or events, or re-enable it */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "status": "active"
                     *     }
                     */
                    "application/json": {
                        url?: string;
                        events?: ("deployment.ready" | "deployment.failed" | "deployment.stopped" | "deployment.started" | "deployment.updated" | "deployment.deleted" | "deployment.waking" | "deployment.migrated" | "deployment.migration_failed" | "deployment.idle_warning" | "deployment.idle_unknown" | "deployment.stop_unconfirmed" | "deployment.delete_unconfirmed" | "budget.warning" | "budget.exceeded" | "webhook.disabled")[];
                        /**
                         * @description `active` re-enables a disabled subscription and clears its failure record.
                         * @enum {string}
                         */
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Returns the new secret once. Until `previousSecretExpiresAt` deliveries carry both signatures.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    /**
                     * @example {
                     *       "graceHours": 24
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description How long the old secret keeps signing deliveries next to the new one.
                         * @default 24
                         */
                        graceHours?: number;
                    };
                };
            };
            responses: {
                /** @description Rotated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Signing secret (Standard Webhooks `whsec_…`). Shown only here. */
                            secret: string;
                            previousSecretExpiresAt: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subscription's delivery log, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookDelivery"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{eventId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivered or failed delivery again, with a fresh retry budget */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/estimates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Estimate what hardware costs always on, and with a schedule or idle policy
         * @description At the provider's current price (`price.priceSource`: the provider's API, or Hangar's dated table). A month is 730 hours. Schedule hours are counted over the coming 30 days in the schedule's time zone, so daylight-saving changes are included, and include each window's startLeadMinutes. An idle policy bills activeHoursPerDay plus the idle timeout each day (inside the schedule, when there is one). An unknown hardware id answers 422 with the valid ids in `details.valid`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "provider": "together",
                     *       "hardware": "1x_nvidia_h100_80gb_sxm",
                     *       "replicas": 1,
                     *       "schedule": {
                     *         "timezone": "Europe/Paris",
                     *         "windows": [
                     *           {
                     *             "days": [
                     *               "mon",
                     *               "tue",
                     *               "wed",
                     *               "thu",
                     *               "fri"
                     *             ],
                     *             "start": "08:00",
                     *             "end": "19:00"
                     *           }
                     *         ]
                     *       },
                     *       "idle": {
                     *         "idleTimeoutMinutes": 60,
                     *         "activeHoursPerDay": 8.5
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        provider: "together" | "fireworks";
                        hardware: string;
                        /** @description A fixed replica count. */
                        replicas?: number;
                        /** @description Instead of replicas: billed at minReplicas, with the maxReplicas figure beside it. */
                        autoscaling?: {
                            minReplicas: number;
                            maxReplicas: number;
                        };
                        schedule?: components["schemas"]["Schedule"];
                        idle?: {
                            idleTimeoutMinutes: number;
                            /** @description Your assumption: hours of traffic per day, taken as one block. */
                            activeHoursPerDay: number;
                        };
                    };
                };
            };
            responses: {
                /** @description The estimate */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CostEstimate"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (422) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (502) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/cost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A deployment's accrued cost and what its stops saved
         * @description Accrued from the deployment's state history: every stretch in a billed state (provisioning, ready, updating, starting, stopping) costs hours × replicas × price per replica-hour. Replicas: live counts where the provider reports them; otherwise (Together) autoscaling.minReplicas as a floor, said by `basis: "min_replicas"`. Price: the one kept when the deployment was created, for as long as its hardware stays the same; otherwise today's. Savings: stopped time after the deployment first became ready, priced the same way, by what stopped it (idle, schedule, budget, manual, provider); alwaysOnUsd = costUsd + savingsUsd is what running from first ready to deletion (or `to`) would have cost.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Default: the start of this month (UTC). */
                    from?: string;
                    /** @description Default and latest: now. Cost is accrued, never projected. */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cost in [from, to) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeploymentCost"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the provider measured of a deployment: requests, tokens, latency, errors, replicas
         * @description From the provider's own measurements (Fireworks' account metrics, read once a minute per account), so requests sent straight to the provider count too. Minutes without traffic are zero; `measured: false` for providers that don't report usage.
         */
        get: {
            parameters: {
                query?: {
                    /** @description How far back: 1h (1-minute points), 24h (15-minute points), 7d (hourly points). */
                    window?: "1h" | "24h" | "7d";
                };
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Points over the window, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeploymentMetrics"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accrued cost and savings, by deployment, provider or UTC day
         * @description Accrued from the deployment's state history: every stretch in a billed state (provisioning, ready, updating, starting, stopping) costs hours × replicas × price per replica-hour. Replicas: live counts where the provider reports them; otherwise (Together) autoscaling.minReplicas as a floor, said by `basis: "min_replicas"`. Price: the one kept when the deployment was created, for as long as its hardware stays the same; otherwise today's. Savings: stopped time after the deployment first became ready, priced the same way, by what stopped it (idle, schedule, budget, manual, provider); alwaysOnUsd = costUsd + savingsUsd is what running from first ready to deletion (or `to`) would have cost. Grouped by day, stretches are cut at UTC midnight.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Default: the start of this month (UTC). */
                    from?: string;
                    /** @description Default and latest: now. Cost is accrued, never projected. */
                    to?: string;
                    groupBy?: "deployment" | "provider" | "day";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cost in [from, to) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cost"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a deployment's budget and this month's spend */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The budget */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Budget"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Set a deployment's monthly budget
         * @description Spend is counted per calendar month in UTC and checked every 5 minutes. Crossing softLimitUsd fires `budget.warning` once a month; crossing hardLimitUsd stops what is running with reason `budget: spent $X of $Y this month` and fires `budget.exceeded` once a month. Spend can pass a limit by what accrues between checks and while the endpoint stops. Changing a limit re-arms its notice.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "softLimitUsd": 400,
                     *       "hardLimitUsd": 500
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description A calendar month in UTC.
                         * @default month
                         * @enum {string}
                         */
                        period?: "month";
                        /** @description Spend at which `budget.warning` fires, once per period. */
                        softLimitUsd?: number | null;
                        /** @description Spend at which Hangar stops the deployment (a tenant budget: every deployment) with reason `budget: spent $X of $Y this month`, and fires `budget.exceeded` once per period. It keeps stopping what starts again until the period ends or the limit changes. */
                        hardLimitUsd?: number | null;
                    };
                };
            };
            responses: {
                /** @description The budget, with this month's spend */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Budget"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a deployment's budget */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the tenant's budget and this month's spend */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The budget */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Budget"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Set the tenant's monthly budget
         * @description Spend is counted per calendar month in UTC and checked every 5 minutes. Crossing softLimitUsd fires `budget.warning` once a month; crossing hardLimitUsd stops what is running with reason `budget: spent $X of $Y this month` and fires `budget.exceeded` once a month. Spend can pass a limit by what accrues between checks and while the endpoint stops. Changing a limit re-arms its notice.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "softLimitUsd": 400,
                     *       "hardLimitUsd": 500
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description A calendar month in UTC.
                         * @default month
                         * @enum {string}
                         */
                        period?: "month";
                        /** @description Spend at which `budget.warning` fires, once per period. */
                        softLimitUsd?: number | null;
                        /** @description Spend at which Hangar stops the deployment (a tenant budget: every deployment) with reason `budget: spent $X of $Y this month`, and fires `budget.exceeded` once per period. It keeps stopping what starts again until the period ends or the limit changes. */
                        hardLimitUsd?: number | null;
                    };
                };
            };
            responses: {
                /** @description The budget, with this month's spend */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Budget"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove the tenant's budget */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's API keys, revoked ones included
         * @description Never the secrets: a key is told apart by its id, name, prefix and last four characters.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Keys, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKey"][];
                        };
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key for the tenant */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    /**
                     * @example {
                     *       "name": "ci"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKeyCreate"];
                };
            };
            responses: {
                /** @description Created; copy `key` now, it is not shown again */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKeyCreated"];
                    };
                };
                /** @description Error (400) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}": {
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
         * Revoke an API key
         * @description Requests with a revoked key get `401 auth.invalid_key`. The API remembers verified keys
         *     for a short window (60 s by default, `HANGAR_API_KEY_CACHE_SECONDS`), so an API instance that served
         *     the key shortly before may still accept it until that window ends. The key used for this call may
         *     revoke itself; the tenant's last active key may not (`409 apikey.last_key`): create another first.
         *     Revoking a revoked key answers it unchanged.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (409) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deployments/{id}/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OpenAI-compatible models list: the model this deployment serves
         * @description With `<hangar>/v1/deployments/{id}` as an OpenAI client's base URL, `models.list()` lands here. Empty until the deployment has an endpoint.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The resource's id; a deployment also answers to its name. */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The deployment's model */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelList"];
                    };
                };
                /** @description Error (401) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Error (404) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deployments that can serve now, as OpenAI models */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready deployments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: components["schemas"]["OpenAIModel"][];
                        };
                    };
                };
                /** @description Error (401), in OpenAI's shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One deployment, as an OpenAI model */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    model: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The deployment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIModel"];
                    };
                };
                /** @description Error (401), in OpenAI's shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIError"];
                    };
                };
                /** @description Error (404), in OpenAI's shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Chat completions, routed by `model` to a deployment
         * @description `model` is a deployment's name or id. Streaming included. Counts as activity for the idle timeout. A stopped deployment with `wakeOnRequest` is started by the request: 503 `deployment.waking` with Retry-After, or held until it serves with `Prefer: wait=N`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description `wait=N` (RFC 7240): a deployment with wakeOnRequest that is waking holds the request up to N seconds (at most 280) until it serves, instead of answering 503 `deployment.waking` at once. */
                    prefer?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "model": "support-bot",
                     *       "messages": [
                     *         {
                     *           "role": "user",
                     *           "content": "Hi"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description A deployment's name or id.
                         * @example support-bot
                         */
                        model: string;
                        messages: unknown[];
                        stream?: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description The provider's completion (JSON, or text/event-stream when streaming) */
                200: {
                    headers: {
                        /** @description `wait=N`: the wait Hangar honoured (capped at the API's limit). */
                        "Preference-Applied"?: string;
                        /** @description With 503 `deployment.waking`: seconds to wait before trying again. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error (400), in OpenAI's shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIError"];
                    };
                };
                /** @description Error (401), in OpenAI's shape */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIError"];
                    };
                };
                /** @description Error (404), in OpenAI's shape */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIError"];
                    };
                };
                /** @description Error (409), in OpenAI's shape */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIError"];
                    };
                };
                /** @description Error (502), in OpenAI's shape */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIError"];
                    };
                };
                /** @description Error (503), in OpenAI's shape */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenAIError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "deployment.ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The deployment serves for the first time (or again after a failure).
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.ready";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["Deployment"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The deployment failed; `data.lastError` says why.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.failed";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["Deployment"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.stopped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The deployment stopped; `data.stopReason` says why (manual, idle, provider).
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.stopped";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["Deployment"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A stopped deployment serves again.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.started";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["Deployment"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A change (autoscaling, hardware) is in effect.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.updated";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["Deployment"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The deployment and its provider endpoint are gone.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.deleted";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["Deployment"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.waking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A request reached the stopped deployment (wakeOnRequest): Hangar is starting it; `deployment.started` follows.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.waking";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["Deployment"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.migrated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The proxy now sends the deployment's traffic to its endpoint on the provider's newer API (Together v2); `data.migratedFrom.endpointName` is the old provider endpoint name, `data.endpoint.name` the new one. The old endpoint is deleted once requests in flight on it have finished.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.migrated";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["Deployment"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.migration_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A migration failed before the switch; the deployment keeps serving on its old endpoint and `data.lastError` says why.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.migration_failed";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["Deployment"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.idle_warning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The deployment will be stopped for inactivity soon.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.idle_warning";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["IdleWarningData"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.idle_unknown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An idle stop is held back because the provider's own activity measurements can't be read (failing or rate-limited metrics): nothing is stopped on missing data. Sent once per outage.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.idle_unknown";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["IdleUnknownData"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.stop_unconfirmed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The provider still reports the endpoint running (or with replicas) after a stop, past the confirm bound, or a stopped endpoint runs again: Hangar asked again and keeps billing it until confirmed.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.stop_unconfirmed";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["UnconfirmedData"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deployment.delete_unconfirmed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The provider still lists the endpoint past the confirm bound after a delete: Hangar keeps deleting it and keeps the deployment deleting until it is gone.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "deployment.delete_unconfirmed";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["UnconfirmedData"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "budget.warning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Spending crossed the warning threshold of a budget.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "budget.warning";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["BudgetData"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "budget.exceeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Spending exceeded a budget.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "budget.exceeded";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment. */
                        sequence: number | null;
                        data: components["schemas"]["BudgetData"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A subscription was disabled after its deliveries kept failing; sent to the tenant's other subscriptions.
         * @description Signing, ordering and retries: see `POST /v1/webhooks`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "webhook.disabled";
                        /** @description When the event happened (ISO 8601). */
                        timestamp: string;
                        /** @description Tenant-level notices have no sequence. */
                        sequence: null;
                        data: components["schemas"]["WebhookDisabledData"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx acknowledges the delivery. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        Deployment: {
            /** @example dep_01jd4k2z5x8q3w6e9r0t1y2u3i */
            id: string;
            name: string;
            /** @enum {string} */
            provider: "together" | "fireworks";
            /** @enum {string} */
            state: "queued" | "uploading" | "provisioning" | "ready" | "updating" | "stopping" | "stopped" | "starting" | "deleting" | "deleted" | "failed";
            model: {
                /** @example hf://Qwen/Qwen2.5-7B-Instruct */
                source: string;
                /** @enum {string} */
                type: "model" | "adapter";
                baseModel?: string;
                /** @description The deployment this adapter is loaded onto. */
                baseDeploymentId?: string;
            };
            /** @description The hardware the endpoint runs on; cost is counted on it. */
            hardware: string;
            /** @description The autoscaling the endpoint runs with (as last confirmed by the provider); cost is counted on it. */
            autoscaling: {
                minReplicas: number;
                maxReplicas: number;
            };
            /** @description What was last asked for. Every accepted request changes it at once; Hangar then brings the provider to it (the last request wins). */
            desired: {
                /** @enum {string} */
                state: "running" | "stopped" | "deleted";
                autoscaling: {
                    minReplicas: number;
                    maxReplicas: number;
                };
                hardware: string;
            };
            /** @description What the provider last reported of the endpoint; null before it has one. */
            observed: {
                /** @enum {string} */
                state: "pending" | "running" | "stopping" | "stopped" | "failed" | "unknown";
                /** @description The provider's own state string. */
                raw: string;
                autoscaling: {
                    minReplicas: number;
                    maxReplicas: number;
                } | null;
                hardware: string | null;
                /** @description Replicas serving now as the provider reports them (what it bills); null when it doesn't say. */
                readyReplicas: number | null;
                /** @description Where it runs, where the provider places by region. */
                region: string | null;
                /** @description When the provider last reported it. */
                at: string;
            } | null;
            idleTimeoutMinutes: number | null;
            /** @description The hardware's price per replica-hour when the deployment was created. Accrued cost uses it while the hardware stays the same, so history doesn't change when prices do; null when the provider didn't answer in time (cost then uses current prices). */
            price: {
                hardware: string;
                /** @description USD per replica-hour. */
                pricePerHour: number;
                /**
                 * @description `provider`: the provider's own API. `table`: Hangar's dated price table.
                 * @enum {string}
                 */
                priceSource: "provider" | "table";
                /** @description When the provider or the table last set this price. */
                priceAsOf: string | null;
            } | null;
            idlePolicy: {
                graceMinutes: number | null;
                warnBeforeMinutes: number | null;
                deleteAfterStoppedDays: number | null;
            };
            schedule: components["schemas"]["Schedule"];
            /** @description Leases keep the deployment up (no idle or scheduled stop) until then. */
            heldUntil: string | null;
            /** @description What Hangar's cost policies will do next, and when (idle warning and stop, schedule, delete after a long stop). */
            nextActions: {
                /** @enum {string} */
                action: "warn" | "stop" | "start" | "delete";
                at: string;
                reason: string;
            }[];
            precision: string | null;
            scaleToZero: {
                afterIdleMinutes: number;
            } | null;
            allowAdapters: boolean;
            /** @description A request through Hangar's proxy starts the deployment when stopped (503 `deployment.waking` with Retry-After, or held with `Prefer: wait=N`). */
            wakeOnRequest: boolean;
            /** @description Progress of an upload Hangar streams itself (providers that take bytes). */
            upload: {
                bytesDone: number;
                bytesTotal: number;
                files: {
                    path: string;
                    size: number;
                    sent: number;
                    done: boolean;
                }[];
            } | null;
            /** @description The provider's own ids and raw state, next to ours. */
            upstream: {
                uploadJobId: string | null;
                uploadStatus: string | null;
                modelName: string | null;
                endpointId: string | null;
                endpointState: string | null;
            };
            /** @description Where inference goes: the provider's OpenAI-compatible URL and the model name to send. */
            endpoint: {
                name: string;
                url: string;
            } | null;
            /**
             * @description Together: the API generation the endpoint lives on (v1 is supported until the end of 2026; `POST /v1/deployments/{id}/migrate` moves it to v2). Null for other providers.
             * @enum {string|null}
             */
            apiVersion: "v1" | "v2" | null;
            /** @description A migration under way: the new endpoint, until it serves and the proxy switches to it. */
            migration: {
                /** @enum {string} */
                to: "v1" | "v2";
                startedAt: string;
                /** @description If the new endpoint doesn't serve by then, the migration is abandoned: it is deleted and the old one keeps serving. */
                deadline: string;
                endpointId: string | null;
            } | null;
            /** @description Where a migrated deployment came from. */
            migratedFrom: {
                /** @enum {string} */
                apiVersion: "v1" | "v2";
                endpointId: string;
                endpointName: string;
                /** @description When the proxy switched to the new endpoint. */
                at: string;
                /** @description When the old endpoint was deleted, once requests in flight on it had finished. */
                deletedAt: string | null;
            } | null;
            /** @description The region asked for at create (Together v2); observed.region is where it runs. */
            region: {
                name: string;
                required: boolean;
            } | null;
            lastError: {
                code: string;
                message: string;
                at: string;
            } | null;
            /** @description What Hangar could not check when it accepted the deployment (e.g. `adapter.base_unknown`: the adapter's base model), so it went ahead without. */
            warnings: {
                code: string;
                message: string;
            }[];
            stopReason: string | null;
            /** @description The latest activity of any source (see `activity`): what the idle policy counts from. */
            lastActivityAt: string | null;
            /** @description Last activity per source; writes are throttled, so each is at most a little behind. */
            activity: {
                /** @description Last request through Hangar's proxy. */
                proxy: string | null;
                /** @description Last `POST /v1/deployments/{id}/activity`. */
                heartbeat: string | null;
                /** @description Last minute the provider itself measured traffic (Fireworks account metrics), requests sent straight to it included. Null for providers that don't report usage. */
                provider: string | null;
            };
            /** @description A stop or delete the provider hasn't confirmed (zero replicas; gone) within HANGAR_CONFIRM_STOP_MINUTES: Hangar keeps asking and cost keeps accruing until it is. Null otherwise. */
            unconfirmed: {
                /** @enum {string} */
                action: "stop" | "delete";
                /** @description When Hangar first asked the provider. */
                since: string;
                /** @description When Hangar last found it unconfirmed and asked again. */
                at: string;
                /** @description What the provider reported then (its own state). */
                observed: string;
                /** @description How many times Hangar asked again since. */
                retries: number;
            } | null;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        /**
         * @example {
         *       "timezone": "Europe/Paris",
         *       "windows": [
         *         {
         *           "days": [
         *             "mon",
         *             "tue",
         *             "wed",
         *             "thu",
         *             "fri"
         *           ],
         *           "start": "08:00",
         *           "end": "19:00"
         *         }
         *       ]
         *     }
         */
        Schedule: {
            timezone: string;
            windows: {
                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                start: string;
                end: string;
            }[];
            /**
             * @description Start this long before a window opens, so the endpoint serves when it does.
             * @default 10
             */
            startLeadMinutes: number;
        } | null;
        IdleWarningData: {
            deploymentId: string;
            /** @description When the deployment stops unless it sees activity. */
            idleAt: string;
            idleTimeoutMinutes: number;
            lastActivityAt: string | null;
        } & {
            [key: string]: unknown;
        };
        IdleUnknownData: {
            deploymentId: string;
            /** @description When the deployment would have been stopped for inactivity. */
            idleAt: string;
            lastActivityAt: string | null;
            provider: string;
            /** @description The provider's last good activity read for the account; null if none yet. */
            lastReadAt: string | null;
            reason: string;
        } & {
            [key: string]: unknown;
        };
        UnconfirmedData: {
            deploymentId: string;
            /** @enum {string} */
            action: "stop" | "delete";
            /** @description When Hangar first asked the provider. */
            since: string;
            /** @description How long Hangar waited for the provider to confirm. */
            boundMinutes: number;
            observed: {
                /** @description What the provider reported, in Hangar's terms. */
                state: string;
                /** @description The provider's own state. */
                raw: string;
                readyReplicas: number | null;
            };
            message: string;
        } & {
            [key: string]: unknown;
        };
        BudgetData: {
            /** @description Null for a tenant-wide budget. */
            deploymentId: string | null;
            /** @description US dollars. */
            limitUsd: number;
            /** @description US dollars. */
            spentUsd: number;
            periodStart: string;
        } & {
            [key: string]: unknown;
        };
        WebhookDisabledData: {
            subscriptionId: string;
            url: string;
            failingSince: string;
            disabledAt: string;
            reason: string;
        };
        Error: {
            error: {
                /** @example deployment.not_found */
                code: string;
                message: string;
                details?: unknown;
            };
        };
        DeploymentEvent: {
            id: string;
            /**
             * @description `hangar`: a state change (or a migration) Hangar recorded. `provider`: an entry of the provider's own events feed (Together v2), as the provider sent it.
             * @enum {string}
             */
            kind: "hangar" | "provider";
            /** @enum {string|null} */
            from: "queued" | "uploading" | "provisioning" | "ready" | "updating" | "stopping" | "stopped" | "starting" | "deleting" | "deleted" | "failed" | null;
            /**
             * @description Null for provider events.
             * @enum {string|null}
             */
            to: "queued" | "uploading" | "provisioning" | "ready" | "updating" | "stopping" | "stopped" | "starting" | "deleting" | "deleted" | "failed" | null;
            /** @description The webhook this state change fired (hangar), or the provider's event type, e.g. `deployment.scaled` (provider). */
            type: string | null;
            /** @description Provider events: debug, info, warn or error. */
            level: string | null;
            /** @description Provider events: what emitted it at the provider. */
            reason: string | null;
            message: string | null;
            at: string;
            /** @description Hangar events: the deployment's version after the change. Null for provider events. */
            sequence: number | null;
        };
        IdlePolicy: {
            /** @description No idle stop this soon after the endpoint becomes ready. */
            graceMinutes?: number;
            /** @description Send deployment.idle_warning this long before an idle stop. */
            warnBeforeMinutes?: number;
            /** @description Second stage: delete the deployment once it has been stopped this long. */
            deleteAfterStoppedDays?: number;
        };
        SmokeTestResult: {
            output: string;
            latencyMs: number;
            usage: {
                promptTokens: number;
                completionTokens: number;
                totalTokens: number;
            } | null;
            model: string;
        };
        Hardware: {
            /** @example 1x_nvidia_h100_80gb_sxm */
            id: string;
            /** @enum {string} */
            provider: "together" | "fireworks";
            gpu: {
                type: string;
                count: number;
                memoryGb: number;
                link?: string;
            };
            /** @description USD per replica-hour */
            pricePerHour: number;
            /**
             * @description From the provider's API, or Hangar's dated table.
             * @enum {string}
             */
            priceSource: "provider" | "table";
            priceAsOf?: string;
            /** @enum {string} */
            availability: "available" | "insufficient" | "unavailable" | "unknown";
            /** @description Where it can run, with headroom per region (Together v2). */
            regions?: {
                /** @example us-central-8 */
                name: string;
                /** @description Additional replicas that fit there now; null when the provider doesn't say. */
                headroom: number | null;
                /** @description The provider caps the count it tells: at least this many. */
                atLeast: boolean;
            }[];
            /** @description Other ids accepted for it (Together v2: the v1 hardware id of the same GPUs). */
            aliases?: string[];
        };
        Lease: {
            id: string;
            deploymentId: string;
            until: string;
            reason: string;
            createdAt: string;
        };
        DeployableModel: {
            /**
             * @description What `model.source` takes to deploy it.
             * @example Qwen/Qwen2.5-7B-Instruct
             */
            id: string;
            /**
             * @description The provider's base model, or one Hangar uploaded for one of your deployments.
             * @enum {string}
             */
            kind: "catalogue" | "upload";
            displayName: string | null;
            type: string | null;
            contextLength: number | null;
            /** @description Hardware ids it fits, where the provider's list says; null: ask GET /v1/hardware?provider=…&model=…. */
            hardware: string[] | null;
            /** @description Uploads: the deployment the upload was for. */
            deploymentId: string | null;
        };
        PlannedAction: {
            deploymentId: string;
            name: string;
            state: string;
            /** @enum {string} */
            action: "warn" | "stop" | "start" | "delete";
            at: string;
            reason: string;
        };
        TenantSettings: {
            /** @default null */
            idleTimeoutMinutes: number | null;
            idlePolicy?: components["schemas"]["IdlePolicy"];
        };
        WebhookSubscription: {
            /** @example whk_01jd4k2z5x8q3w6e9r0t1y2u3i */
            id: string;
            url: string;
            /** @description Empty: every event. */
            events: ("deployment.ready" | "deployment.failed" | "deployment.stopped" | "deployment.started" | "deployment.updated" | "deployment.deleted" | "deployment.waking" | "deployment.migrated" | "deployment.migration_failed" | "deployment.idle_warning" | "deployment.idle_unknown" | "deployment.stop_unconfirmed" | "deployment.delete_unconfirmed" | "budget.warning" | "budget.exceeded" | "webhook.disabled")[];
            /** @enum {string} */
            status: "active" | "disabled";
            disabledReason: string | null;
            disabledAt: string | null;
            /** @description Since when every delivery attempt has failed; null while healthy. */
            failingSince: string | null;
            /** @description After a rotation, until when the old secret also signs deliveries. */
            previousSecretExpiresAt: string | null;
            createdAt: string;
        };
        WebhookDelivery: {
            /**
             * @description Also the `webhook-id` header.
             * @example evt_01jd4k2z5x8q3w6e9r0t1y2u3i
             */
            eventId: string;
            eventType: string;
            deploymentId: string | null;
            sequence: number | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed" | "cancelled";
            attempts: number;
            lastResponseStatus: number | null;
            lastError: string | null;
            lastLatencyMs: number | null;
            nextAttemptAt: string | null;
            deliveredAt: string | null;
            createdAt: string;
            updatedAt: string;
            /** @description The latest attempts (up to 20), oldest first. */
            history: {
                at: string;
                latencyMs: number;
                /** @description The receiver's HTTP status; null if none came. */
                status: number | null;
                error: string | null;
            }[];
        };
        CostEstimate: {
            /** @enum {string} */
            provider: "together" | "fireworks";
            hardware: string;
            price: components["schemas"]["Price"];
            replicas: {
                billed: number;
                max: number;
            };
            alwaysOn: {
                /** @description Billed hours in an average month (730 hours). */
                hoursPerMonth: number;
                /** @description USD. monthlyUsd spread over every hour of the month. */
                hourlyUsd: number;
                /** @description USD. monthlyUsd spread over every day of the month. */
                dailyUsd: number;
                /** @description USD. At the billed replica count (replicas, or autoscaling.minReplicas). */
                monthlyUsd: number;
                /** @description USD. The same hours at autoscaling.maxReplicas: the ceiling. */
                monthlyUsdAtMaxReplicas: number;
            };
            /** @description With the schedule and/or idle policy; null without either. */
            withPolicy: {
                /** @description Billed hours in an average month (730 hours). */
                hoursPerMonth: number;
                /** @description USD. monthlyUsd spread over every hour of the month. */
                hourlyUsd: number;
                /** @description USD. monthlyUsd spread over every day of the month. */
                dailyUsd: number;
                /** @description USD. At the billed replica count (replicas, or autoscaling.minReplicas). */
                monthlyUsd: number;
                /** @description USD. The same hours at autoscaling.maxReplicas: the ceiling. */
                monthlyUsdAtMaxReplicas: number;
            } | null;
            /** @description alwaysOn − withPolicy, per month. */
            savings: {
                monthlyUsd: number;
                percent: number;
            } | null;
            /** @description Billed hours per week under the policy (168 always on). */
            hoursPerWeek: number;
        };
        Price: {
            hardware: string;
            /** @description USD per replica-hour. */
            pricePerHour: number;
            /**
             * @description `provider`: the provider's own API. `table`: Hangar's dated price table.
             * @enum {string}
             */
            priceSource: "provider" | "table";
            /** @description When the provider or the table last set this price. */
            priceAsOf: string | null;
        };
        DeploymentCost: {
            /** @description USD. Accrued: billed time × replicas × price per replica-hour. */
            costUsd: number;
            /** @description Wall-clock hours in a billed state (provisioning, ready, updating, starting, stopping). */
            billableHours: number;
            /** @description Billed hours × replicas. */
            replicaHours: number;
            /** @description USD. What the same period would have cost without any stop: costUsd + savingsUsd. */
            alwaysOnUsd: number;
            /** @description USD. What the stops avoided: stopped time after the deployment first became ready, at its replicas and price. */
            savingsUsd: number;
            /** @description savingsUsd by what stopped the deployment (the stop reason's prefix). */
            savingsByReason: {
                idle?: number;
                schedule?: number;
                budget?: number;
                manual?: number;
                provider?: number;
                other?: number;
            };
            /** @description Billed or stopped hours on hardware with no known price; not in the USD figures. */
            unpricedHours: number;
            /**
             * @description Which replica count the cost rests on. `live_replicas`: the replicas the provider reported serving (Together v2 `readyReplicas`, Fireworks' ready replicas), recorded at each state change and whenever the count moves while ready; `min_replicas`: the provider doesn't report them (Together v1), so autoscaling.minReplicas is billed as a floor and autoscaled replicas above it are not counted; `mixed`: some of each.
             * @enum {string}
             */
            basis: "min_replicas" | "live_replicas" | "mixed";
            deploymentId: string;
            name: string;
            /** @enum {string} */
            provider: "together" | "fireworks";
            from: string;
            to: string;
            prices: {
                hardware: string;
                /** @description USD per replica-hour. */
                pricePerHour: number;
                /**
                 * @description `provider`: the provider's own API. `table`: Hangar's dated price table.
                 * @enum {string}
                 */
                priceSource: "provider" | "table";
                /** @description When the provider or the table last set this price. */
                priceAsOf: string | null;
                /** @description True: the price kept when the deployment was created. False: today's price (none was kept, or the hardware changed since). */
                kept: boolean;
            }[];
        };
        DeploymentMetrics: {
            deploymentId: string;
            /** @enum {string} */
            window: "1h" | "24h" | "7d";
            from: string;
            to: string;
            bucketSeconds: number;
            /** @description Whether the provider measures this deployment's traffic (Fireworks account metrics). False: no points; only proxy traffic and heartbeats count as activity. */
            measured: boolean;
            totals: {
                requests: number;
                inputTokens: number;
                outputTokens: number;
                errors: number;
            };
            points: {
                /** @description Start of the point's interval. */
                at: string;
                requests: number;
                requestsPerMinute: number;
                inputTokens: number;
                outputTokens: number;
                /** @description Failed / all requests; null without requests. */
                errorRate: number | null;
                /** @description Milliseconds. Over a point of several minutes: p50 weighted by requests, p95/p99 the worst minute's. */
                latencyMs: {
                    p50: number | null;
                    p95: number | null;
                    p99: number | null;
                } | null;
                /** @description Most replicas the provider reported in the interval. */
                replicas: number | null;
            }[];
        };
        Cost: {
            from: string;
            to: string;
            /** @enum {string} */
            groupBy: "deployment" | "provider" | "day";
            total: {
                /** @description USD. Accrued: billed time × replicas × price per replica-hour. */
                costUsd: number;
                /** @description Wall-clock hours in a billed state (provisioning, ready, updating, starting, stopping). */
                billableHours: number;
                /** @description Billed hours × replicas. */
                replicaHours: number;
                /** @description USD. What the same period would have cost without any stop: costUsd + savingsUsd. */
                alwaysOnUsd: number;
                /** @description USD. What the stops avoided: stopped time after the deployment first became ready, at its replicas and price. */
                savingsUsd: number;
                /** @description savingsUsd by what stopped the deployment (the stop reason's prefix). */
                savingsByReason: {
                    idle?: number;
                    schedule?: number;
                    budget?: number;
                    manual?: number;
                    provider?: number;
                    other?: number;
                };
                /** @description Billed or stopped hours on hardware with no known price; not in the USD figures. */
                unpricedHours: number;
                /**
                 * @description Which replica count the cost rests on. `live_replicas`: the replicas the provider reported serving (Together v2 `readyReplicas`, Fireworks' ready replicas), recorded at each state change and whenever the count moves while ready; `min_replicas`: the provider doesn't report them (Together v1), so autoscaling.minReplicas is billed as a floor and autoscaled replicas above it are not counted; `mixed`: some of each.
                 * @enum {string}
                 */
                basis: "min_replicas" | "live_replicas" | "mixed";
            };
            groups: {
                /** @description USD. Accrued: billed time × replicas × price per replica-hour. */
                costUsd: number;
                /** @description Wall-clock hours in a billed state (provisioning, ready, updating, starting, stopping). */
                billableHours: number;
                /** @description Billed hours × replicas. */
                replicaHours: number;
                /** @description USD. What the same period would have cost without any stop: costUsd + savingsUsd. */
                alwaysOnUsd: number;
                /** @description USD. What the stops avoided: stopped time after the deployment first became ready, at its replicas and price. */
                savingsUsd: number;
                /** @description savingsUsd by what stopped the deployment (the stop reason's prefix). */
                savingsByReason: {
                    idle?: number;
                    schedule?: number;
                    budget?: number;
                    manual?: number;
                    provider?: number;
                    other?: number;
                };
                /** @description Billed or stopped hours on hardware with no known price; not in the USD figures. */
                unpricedHours: number;
                /**
                 * @description Which replica count the cost rests on. `live_replicas`: the replicas the provider reported serving (Together v2 `readyReplicas`, Fireworks' ready replicas), recorded at each state change and whenever the count moves while ready; `min_replicas`: the provider doesn't report them (Together v1), so autoscaling.minReplicas is billed as a floor and autoscaled replicas above it are not counted; `mixed`: some of each.
                 * @enum {string}
                 */
                basis: "min_replicas" | "live_replicas" | "mixed";
                /** @description The deployment id, the provider, or the UTC day (YYYY-MM-DD). */
                key: string;
                /** @description The deployment's name, when grouped by deployment. */
                name?: string;
            }[];
        };
        Budget: {
            /** @enum {string} */
            scope: "tenant" | "deployment";
            deploymentId: string | null;
            /** @enum {string} */
            period: "month";
            softLimitUsd: number | null;
            hardLimitUsd: number | null;
            /** @description The start of the current period (UTC). */
            periodStart: string;
            /** @description Accrued this period, as GET /v1/cost computes it (min replicas as the floor where live replicas are unknown). */
            spentUsd: number;
            /**
             * @description Where spentUsd stands against the limits.
             * @enum {string}
             */
            status: "ok" | "warning" | "exceeded";
            /** @description When `budget.warning` fired this period. */
            warnedAt: string | null;
            /** @description When `budget.exceeded` fired this period. */
            exceededAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        ApiKey: {
            /** @example key_01jd4k2z5x8q3w6e9r0t1y2u3i */
            id: string;
            name: string | null;
            /** @description How the key begins, e.g. `hk_`. */
            prefix: string | null;
            /** @description The key's last four characters. */
            last4: string | null;
            createdAt: string;
            /** @description When a request with it was last authenticated, to within the key cache window. */
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        ApiKeyCreated: {
            /** @example key_01jd4k2z5x8q3w6e9r0t1y2u3i */
            id: string;
            name: string | null;
            /** @description How the key begins, e.g. `hk_`. */
            prefix: string | null;
            /** @description The key's last four characters. */
            last4: string | null;
            createdAt: string;
            /** @description When a request with it was last authenticated, to within the key cache window. */
            lastUsedAt: string | null;
            revokedAt: string | null;
            /** @description The secret, `hk_…`. Shown only here: only its hash is stored. */
            key: string;
        };
        ApiKeyCreate: {
            /** @example ci */
            name?: string;
        };
        ModelList: {
            /** @enum {string} */
            object: "list";
            data: {
                /** @description The name the proxy sends as `model`, and the one answers carry. */
                id: string;
                /** @enum {string} */
                object: "model";
                /** @description When the deployment was created (Unix seconds). */
                created: number;
                /** @description The provider serving it. */
                owned_by: string;
            }[];
        };
        OpenAIModel: {
            /** @description The deployment's name (its id when it has none). */
            id: string;
            /** @enum {string} */
            object: "model";
            created: number;
            owned_by: string;
        };
        OpenAIError: {
            error: {
                message: string;
                type: string;
                param: string | null;
                code: string | null;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
