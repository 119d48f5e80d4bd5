namespace FinOps.Tests.Integration.Infrastructure;

/// <summary>
/// What every in-process host of the app starts from: its own data folder, a small sample account that answers at
/// once, no start-up scan (a test scans when it wants a result) and quiet logs.
/// </summary>
public static class TestAppSettings
{
    /// <summary>A fresh data folder under the temp folder, named after the test area.</summary>
    public static string NewDataPath(string area) => Path.Combine(Path.GetTempPath(), $"finops-{area}-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The baseline settings for a host over <paramref name="dataPath"/> with a sample account of about <paramref name="size"/> resources.</summary>
    public static Dictionary<string, string?> Quiet(string dataPath, int size) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["FinOps:DataPath"] = dataPath,
        ["FinOps:Sample:Size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FinOps:Sample:LatencyMilliseconds"] = "0",
        ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
        ["FinOps:Dashboard:ScanOnStartup"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Removes a host's data folder; a file still held open is left for the OS to clean.</summary>
    public static void DeleteDataPath(string dataPath)
    {
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
