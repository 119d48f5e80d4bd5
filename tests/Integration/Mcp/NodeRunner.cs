using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>
/// Runs scripts of <see cref="RepositoryPaths.NodeFixtures"/> with the Node.js that Microsoft.Playwright ships in the
/// test output (Node ≥ 22, which the conformance suite needs), so no system Node is assumed.
/// </summary>
public static class NodeRunner
{
    /// <summary>The bundled node executable.</summary>
    public static string Executable
    {
        get
        {
            var platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win32_x64"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "darwin-arm64" : "darwin-x64")
                : RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
            var path = Path.Combine(AppContext.BaseDirectory, ".playwright", "node", platform,
                RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "node.exe" : "node");
            Assert.True(File.Exists(path), $"Playwright's bundled node is missing at {path}; build tests/Integration (it references Microsoft.Playwright).");
            return path;
        }
    }

    /// <summary>Fails the test unless the npm fixtures are installed.</summary>
    public static void RequireFixtures()
    {
        var modules = Path.Combine(RepositoryPaths.NodeFixtures, "node_modules", "@modelcontextprotocol");
        Assert.True(Directory.Exists(modules),
            $"npm packages of the MCP tests are missing; run `npm ci` in {RepositoryPaths.NodeFixtures} (scripts/test.sh does).");
    }

    /// <summary>Runs node with the arguments in the fixtures folder; returns exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, TimeSpan timeout,
        string? workingDirectory = null)
    {
        RequireFixtures();
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory ?? RepositoryPaths.NodeFixtures,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', arguments)} did not finish within {timeout}: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
