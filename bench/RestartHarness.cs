using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using FinOps.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Bench;

/// <summary>
/// How soon a restarted app shows the kept state: <c>dotnet run -c Release --project bench -- restart [--size 100000]</c>.
/// Builds a history store (SQLite) holding one kept scan of the sample account (no simulated latency), then starts the
/// app on it in a fresh process without the start-up scan and measures, from host start, the time to
/// <see cref="HistoryRecorder.Restored"/> and to the first <c>GET /</c> whose HTML carries the overview's score.
/// Exits non-zero when the overview takes more than <see cref="Target"/>.
/// </summary>
public static partial class RestartHarness
{
    /// <summary>Longest acceptable time from host start to an overview with figures.</summary>
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(2);

    private const int DefaultSize = 100_000;
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [_, "--measure", var dataPath, var size])
        {
            return await MeasureAsync(dataPath, int.Parse(size, CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        var resources = DefaultSize;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--size" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                resources = parsed;
            }
            else
            {
                await Console.Error.WriteLineAsync("usage: restart [--size 100000]");
                return 2;
            }
        }

        var data = Path.Combine(Path.GetTempPath(), "finops-bench-restart-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Console.WriteLine($"Restart: sample account of {resources:N0} resources (latency 0), SQLite history, " +
                $"{Environment.ProcessorCount} cores; the app restarts in a fresh process without the start-up scan");
            await BuildStoreAsync(data, resources).ConfigureAwait(false);
            return await MeasureInChildAsync(data, resources).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static Dictionary<string, string?> Settings(string dataPath, int size) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["FinOps:DataPath"] = dataPath,
        ["FinOps:Sample:Size"] = size.ToString(CultureInfo.InvariantCulture),
        ["FinOps:Sample:LatencyMilliseconds"] = "0",
        ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
        ["FinOps:Dashboard:ScanOnStartup"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Runs one scan of the whole sample account and waits until history has kept it.</summary>
    private static async Task BuildStoreAsync(string dataPath, int size)
    {
        var clock = Stopwatch.StartNew();
        await using var host = RestartHost.Start(Settings(dataPath, size));
        var recorder = host.Services.GetRequiredService<HistoryRecorder>();
        var job = await host.Services.GetRequiredService<ComplianceService>().StartScanAsync(ScanRequest.Default, CancellationToken.None)
            .ConfigureAwait(false);
        var result = await job.Completion.WaitAsync(GiveUp).ConfigureAwait(false);
        while (recorder.Status.LastSavedScanId != result.ScanId)
        {
            if (clock.Elapsed > GiveUp * 2)
            {
                throw new TimeoutException($"history did not keep scan {result.ScanId}: {recorder.Status}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  store built: scan {result.ScanId} of {result.Summary.TotalResources:N0} resources kept in {clock.Elapsed.TotalSeconds:N1} s"));
    }

    private static async Task<int> MeasureInChildAsync(string dataPath, int size)
    {
        var host = Environment.ProcessPath!;
        string[] measure = ["restart", "--measure", dataPath, size.ToString(CultureInfo.InvariantCulture)];
        string[] childArgs = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(RestartHarness).Assembly.Location, .. measure] : measure;
        var start = new ProcessStartInfo(host, childArgs) { UseShellExecute = false };
        if (AppDisablesTieredPgo())
        {
            // The harness's own process keeps the defaults; the restarted app runs with the JIT setting it ships with.
            start.Environment["DOTNET_TieredPGO"] = "0";
            Console.WriteLine("  (the app ships with TieredPGO off: so does the restarted process)");
        }

        using var child = Process.Start(start)!;
        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode;
    }

    /// <summary>Starts the app on the kept store and times what a visitor of a restarted app waits for.</summary>
    private static async Task<int> MeasureAsync(string dataPath, int size)
    {
        var clock = Stopwatch.StartNew();
        var settings = Settings(dataPath, size);
        // The recorder logs how long reading the store took (its share of the restore).
        settings["Logging:LogLevel:" + typeof(HistoryRecorder).FullName] = "Information";
        await using var host = RestartHost.Start(settings);
        var started = clock.Elapsed;
        var recorder = host.Services.GetRequiredService<HistoryRecorder>();
        var restoredAt = recorder.Restored.ContinueWith(_ => clock.Elapsed, TaskScheduler.Default);

        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = GiveUp };
        TimeSpan? overview = null;
        var cpu = TimeSpan.Zero;
        var requests = 0;
        while (clock.Elapsed < GiveUp)
        {
            requests++;
            var html = await http.GetStringAsync(new Uri("/", UriKind.Relative)).ConfigureAwait(false);
            if (Score().Match(html) is { Success: true } score)
            {
                overview = clock.Elapsed;
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                Console.WriteLine($"  first overview with figures: score {score.Groups[1].Value} after {requests} GET /");
                break;
            }

            // A visitor's browser, not a busy loop: the polling must not take the cores the restore needs.
            await Task.Delay(PollInterval).ConfigureAwait(false);
        }

        var restored = await restoredAt.ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  host started (Kestrel listening): {started.TotalMilliseconds,8:N0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  HistoryRecorder.Restored:         {restored.TotalMilliseconds,8:N0} ms (state in use: {recorder.Status.Restored})"));
        if (overview is not { } shown)
        {
            Console.WriteLine($"  GET / never showed figures within {GiveUp.TotalSeconds:N0} s: FAILED");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  process CPU time by then:          {cpu.TotalMilliseconds,8:N0} ms (load average {LoadAverage()}; other work on the cores shows up as wall time)"));
        var met = shown <= Target && recorder.Status.Restored;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  GET / with the overview's figures: {shown.TotalMilliseconds,8:N0} ms (target ≤ {Target.TotalMilliseconds:N0} ms) {(met ? "met" : "MISSED")}"));
        return met ? 0 : 1;
    }

    /// <summary>Whether the app's runtime configuration (FinOps.Web.runtimeconfig.json, copied next to the harness) turns dynamic PGO off.</summary>
    private static bool AppDisablesTieredPgo()
    {
        var config = Path.Combine(AppContext.BaseDirectory, "FinOps.Web.runtimeconfig.json");
        if (!File.Exists(config))
        {
            return false;
        }

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
        return json.RootElement.TryGetProperty("runtimeOptions", out var options)
            && options.TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.Runtime.TieredPGO", out var pgo)
            && pgo.ValueKind == System.Text.Json.JsonValueKind.False;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    // The headline's score as prerendered: the element marked overall-score holding a percentage.
    [GeneratedRegex("""data-testid="overall-score"[^>]*>\s*(\d{1,3}\.\d%)""")]
    private static partial Regex Score();

    /// <summary>The app on a loopback port; the data folder is named in settings, so disposing leaves the kept store.</summary>
    private sealed class RestartHost : LoopbackAppHost
    {
        private RestartHost(IReadOnlyDictionary<string, string?> settings)
            : base(NewDataPath("bench-restart-unused"), settings)
        {
        }

        public Uri BaseAddress => new(BaseUrl + "/");

        public static RestartHost Start(IReadOnlyDictionary<string, string?> settings)
        {
            HarnessContentRoot.Use();
            var host = new RestartHost(settings);
            host.Listen();
            return host;
        }
    }
}
