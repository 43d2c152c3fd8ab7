import { streamHandle } from "hono/aws-lambda";
import { app } from "./index";

/** Served from a streaming function URL, so proxied chat completions stream through. */
export const handler = streamHandle(app);
