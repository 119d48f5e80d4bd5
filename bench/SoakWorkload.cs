using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FinOps.Bench;

/// <summary>
/// The mixed load of the soak run, as a team uses the app: assistants calling MCP tools (cached compliance questions,
/// cost gaps for several periods, lookups, exports), people loading dashboard pages, scripts downloading reports, and a
/// forced scan every two minutes that is followed until it finishes. Every worker pauses between requests, so the run
/// measures steady behaviour rather than saturation (the machine is shared).
/// </summary>
public sealed class SoakWorkload(Uri baseAddress, SoakRecorder recorder)
{
    private static readonly string[] Pages = ["/", "/regions", "/regions/eu-west-1", "/violations", "/costs", "/costs?period=month-to-date", "/reports", "/policy", "/scan"];

    private static readonly string[] Exports =
    [
        "api/violations.csv", "api/violations.csv?severity=error&regions=eu-west-1", "api/reports/regions?format=csv",
        "api/reports/regions?format=xlsx", "api/reports/regions?format=pdf&regions=us-east-1,eu-west-1",
    ];

    private static readonly TimeSpan ScanInterval = TimeSpan.FromMinutes(2);

    private static readonly string[] AllTypes = ["all"];

    /// <summary>Waits until a scan result answers questions (the start-up scan, or one this call starts).</summary>
    public static async Task WaitForFirstScanAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(baseAddress, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }));
        var answer = await client.CallToolAsync("check_tag_compliance", new Dictionary<string, object?> { ["resource_types"] = AllTypes, ["limit"] = 1 });
        if (!Ok(answer))
        {
            throw new InvalidOperationException("The app did not answer its first compliance question: " +
                string.Join(" ", answer.Content.OfType<TextContentBlock>().Select(t => t.Text)));
        }
    }

    /// <summary>Runs every worker until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(int mcpClients, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var workers = new List<Task>();
        for (var i = 0; i < mcpClients; i++)
        {
            workers.Add(McpWorkerAsync(i, stop));
        }

        workers.Add(PageWorkerAsync(http, stop));
        workers.Add(ExportWorkerAsync(http, stop));
        workers.Add(ScanWorkerAsync(stop));
        await Task.WhenAll(workers);
    }

    private async Task McpWorkerAsync(int worker, CancellationToken stop)
    {
        await using var client = await ConnectAsync(stop);
        var calls = McpCalls();
        for (var i = worker; !stop.IsCancellationRequested; i++)
        {
            var (tool, arguments) = calls[i % calls.Length];
            await recorder.TimeAsync("mcp", async () => Ok(await client.CallToolAsync(tool, arguments, cancellationToken: stop)), stop);
            await PauseAsync(TimeSpan.FromMilliseconds(150), stop);
        }
    }

    private async Task PageWorkerAsync(HttpClient http, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var page = Pages[i % Pages.Length];
            await recorder.TimeAsync("page", async () =>
            {
                using var response = await http.GetAsync(new Uri(page.TrimStart('/'), UriKind.Relative), stop);
                _ = await response.Content.ReadAsByteArrayAsync(stop);
                return response.IsSuccessStatusCode;
            }, stop);
            await PauseAsync(TimeSpan.FromMilliseconds(400), stop);
        }
    }

    private async Task ExportWorkerAsync(HttpClient http, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var export = Exports[i % Exports.Length];
            await recorder.TimeAsync("export", async () =>
            {
                using var response = await http.GetAsync(new Uri(export, UriKind.Relative), stop);
                _ = await response.Content.ReadAsByteArrayAsync(stop);
                return response.IsSuccessStatusCode;
            }, stop);
            await PauseAsync(TimeSpan.FromSeconds(3), stop);
        }
    }

    /// <summary>A forced scan of every type every two minutes, followed with get_scan_status until it finishes (its duration is recorded as "scan").</summary>
    private async Task ScanWorkerAsync(CancellationToken stop)
    {
        await using var client = await ConnectAsync(stop);
        while (!stop.IsCancellationRequested)
        {
            await PauseAsync(ScanInterval, stop);
            await recorder.TimeAsync("scan", async () =>
            {
                var started = await client.CallToolAsync("start_scan",
                    new Dictionary<string, object?> { ["resource_types"] = AllTypes, ["force_refresh"] = true }, cancellationToken: stop);
                if (!Ok(started))
                {
                    return false;
                }

                var id = JsonSerializer.SerializeToElement(started.StructuredContent).GetProperty("scan_id").GetString();
                while (!stop.IsCancellationRequested)
                {
                    await PauseAsync(TimeSpan.FromSeconds(1), stop);
                    var status = await client.CallToolAsync("get_scan_status", new Dictionary<string, object?> { ["scan_id"] = id }, cancellationToken: stop);
                    if (!Ok(status))
                    {
                        return false;
                    }

                    var state = JsonSerializer.SerializeToElement(status.StructuredContent).GetProperty("status").GetString();
                    if (state is not ("queued" or "running"))
                    {
                        return state is "succeeded" or "partial";
                    }
                }

                return true;
            }, stop);
        }
    }

    /// <summary>The MCP calls the workers cycle through.</summary>
    private static (string Tool, Dictionary<string, object?> Arguments)[] McpCalls() =>
    [
        ("check_tag_compliance", new() { ["resource_types"] = new[] { "all" }, ["limit"] = 50 }),
        ("check_tag_compliance", new() { ["resource_types"] = new[] { "all" }, ["regions"] = new[] { "eu-west-1", "us-east-1" }, ["severity"] = "error" }),
        ("find_untagged_resources", new() { ["resource_types"] = new[] { "all" }, ["min_monthly_cost"] = 10 }),
        ("get_cost_attribution_gap", new() { ["group_by"] = "service" }),
        ("get_cost_attribution_gap", new() { ["period"] = "month-to-date", ["group_by"] = "region" }),
        ("get_cost_attribution_gap", new() { ["regions"] = new[] { "eu-west-1" }, ["metric"] = "amortized", ["group_by"] = "resource_type" }),
        ("list_regions", new()),
        ("get_tagging_policy", new()),
        ("generate_compliance_report", new() { ["format"] = "markdown", ["regions"] = new[] { "us-east-1" } }),
        ("export_violations_csv", new() { ["max_rows"] = 200 }),
        ("generate_custodian_policy", new() { ["resource_types"] = new[] { "ec2:instance", "s3:bucket" } }),
    ];

    private Task<McpClient> ConnectAsync(CancellationToken cancellationToken) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(baseAddress, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }), cancellationToken: cancellationToken);

    private static bool Ok(CallToolResult result) => result.IsError != true;

    private static async Task PauseAsync(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
