import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { generateDataset } from "../../mock/generate";
import { createHandlers } from "../../mock/handlers";

/** The simulated dataset, generated once per test file. */
export const dataset = generateDataset();
/** The map's boundaries, served as the built site serves public/geo. */
const boundaries = JSON.parse(
  readFileSync(resolve(__dirname, "../../public/geo/guangdong-counties.topo.json"), "utf8"),
) as object;

/** What a deployer would put in config.json to use the REST API. */
export const httpConfig = { dataSource: "http", baseUrl: "/api/v1", timeoutMs: 2000 };
export const server = setupServer(
  http.get("*/config.json", () => HttpResponse.json(httpConfig)),
  http.get("*/geo/guangdong-counties.topo.json", () => HttpResponse.json(boundaries)),
  ...createHandlers(dataset),
);
