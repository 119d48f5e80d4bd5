// Drives the FinOps MCP endpoint with the TypeScript SDK client (Streamable HTTP), as Node-based assistants do.
// Usage: node mcp-client.mjs <mcp-url> <calls.json>
// calls.json: [{ "name": "...", "arguments": { ... } }, ...]
// Prints one JSON object on stdout: { protocolVersion, tools: [...], results: [{ name, isError, structuredContent, text, thrown }] }.
// The SDK validates structuredContent against each tool's outputSchema and throws when it does not match.
import { readFile } from "node:fs/promises";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, callsFile] = process.argv.slice(2);
if (!url || !callsFile) {
  console.error("usage: node mcp-client.mjs <mcp-url> <calls.json>");
  process.exit(2);
}

const calls = JSON.parse(await readFile(callsFile, "utf8"));
const client = new Client({ name: "finops-node-test-client", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(new URL(url));
await client.connect(transport);

const { tools } = await client.listTools();
const results = [];
for (const call of calls) {
  try {
    const result = await client.callTool({ name: call.name, arguments: call.arguments ?? {} });
    results.push({
      name: call.name,
      isError: result.isError === true,
      structuredContent: result.structuredContent ?? null,
      text: (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n"),
      thrown: null,
    });
  } catch (error) {
    results.push({ name: call.name, isError: true, structuredContent: null, text: "", thrown: String(error?.message ?? error) });
  }
}

process.stdout.write(JSON.stringify({ protocolVersion: transport.protocolVersion ?? null, tools, results }));
await client.close();
