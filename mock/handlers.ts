import { HttpResponse, http } from "msw";
import { handleApi } from "./api";
import { type Dataset, generateDataset } from "./generate";

/** The API's path as MSW matches it: any origin, any prefix ending in /api/v1. */
export const API_PATTERN = "*/api/v1/:route";

/** MSW handlers implementing contract v1 over the simulated dataset (the happy path). */
export function createHandlers(data: Dataset = generateDataset()) {
  return [
    http.get(API_PATTERN, ({ request, params }) => {
      const url = new URL(request.url);
      const { status, body } = handleApi(data, request.method, String(params.route), url.searchParams);
      return HttpResponse.json(body as Record<string, unknown>, { status });
    }),
  ];
}
