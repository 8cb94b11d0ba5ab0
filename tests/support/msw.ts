import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { generateDataset } from "../../mock/generate";
import { createHandlers } from "../../mock/handlers";

/** The simulated dataset, generated once per test file. */
export const dataset = generateDataset();
/** What a deployer would put in config.json to use the REST API. */
export const httpConfig = { dataSource: "http", baseUrl: "/api/v1", timeoutMs: 2000 };
export const server = setupServer(
  http.get("*/config.json", () => HttpResponse.json(httpConfig)),
  ...createHandlers(dataset),
);
