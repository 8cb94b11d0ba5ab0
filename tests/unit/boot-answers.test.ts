/**
 * The boot script's answers (src/api/boot-answers.ts): config.json and meta.json as it fetched
 * them are read once, through the same parsing and validation as a fetched body; every later
 * read goes to the network.
 */
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { takeBootAnswer } from "../../src/api/boot-answers";
import { ConfigError, loadConfig } from "../../src/api/config";
import { ContractError } from "../../src/api/errors";
import { fetchJson } from "../../src/api/fetch-json";
import { server } from "../support/msw";

const at = (path: string) => new URL(path, document.baseURI).href;
let asked: string[] = [];

afterEach(() => {
  delete window.gdBootAnswers;
  asked = [];
});

function count(path: string, body: Record<string, string>) {
  server.use(
    http.get(`*${path}`, ({ request }) => {
      asked.push(new URL(request.url).pathname);
      return HttpResponse.json(body);
    }),
  );
}

describe("the boot script's answers", () => {
  it("are taken once, by the URL resolved against the page", () => {
    window.gdBootAnswers = { [at("./data/v1/meta.json")]: '{"a":1}' };
    expect(takeBootAnswer("http://elsewhere.example/data/v1/meta.json")).toBeUndefined();
    expect(takeBootAnswer("./data/v1/meta.json")).toBe('{"a":1}');
    expect(takeBootAnswer("./data/v1/meta.json")).toBeUndefined();
  });

  it("answer config.json without a request, validated as fetched; the next load asks the network", async () => {
    count("/config.json", { dataSource: "static", baseUrl: "./from-network" });
    window.gdBootAnswers = { [at("./config.json")]: '{"dataSource":"static","baseUrl":"./from-boot"}' };
    expect((await loadConfig()).baseUrl).toBe("./from-boot");
    expect(asked).toEqual([]);
    expect((await loadConfig()).baseUrl).toBe("./from-network");
    expect(asked).toEqual(["/config.json"]);

    window.gdBootAnswers = { [at("./config.json")]: '{"dataSource":"ftp"}' };
    await expect(loadConfig()).rejects.toBeInstanceOf(ConfigError);
  });

  it("answer a data file without a request, parsed as fetched", async () => {
    count("/data/v1/meta.json", { from: "network" });
    window.gdBootAnswers = { [at("./data/v1/meta.json")]: '{"from":"boot"}' };
    const url = at("./data/v1/meta.json");
    expect(await fetchJson(url, "GET meta.json", { timeoutMs: 1000 })).toEqual({ from: "boot" });
    expect(asked).toEqual([]);
    expect(await fetchJson(url, "GET meta.json", { timeoutMs: 1000 })).toEqual({ from: "network" });
    expect(asked).toEqual(["/data/v1/meta.json"]);

    window.gdBootAnswers = { [url]: "<html>" };
    await expect(fetchJson(url, "GET meta.json", { timeoutMs: 1000 })).rejects.toBeInstanceOf(ContractError);
  });
});
