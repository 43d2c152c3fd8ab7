import { HttpTransport, type ProviderErrors, type TransportOptions } from "../../src/provider/http";
import {
  ConnectionError,
  errorFromResponse,
  InvalidResponseError,
  shouldRetry,
  TimeoutError,
  TogetherError,
} from "./errors";

const togetherErrors: ProviderErrors = {
  name: "together",
  label: "Together",
  fromResponse: errorFromResponse,
  shouldRetry,
  owns: (error) => error instanceof TogetherError,
  timeout: (message, init) => new TimeoutError(message, init),
  connection: (message, init) => new ConnectionError(message, init),
  invalidResponse: (message, init) => new InvalidResponseError(message, init),
};

/** The shared transport, speaking Together's errors. */
export class Transport extends HttpTransport {
  constructor(options: Omit<TransportOptions, "errors">) {
    super({ ...options, errors: togetherErrors });
  }
}
