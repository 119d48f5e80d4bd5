using FinOps.Tests.Common;

namespace FinOps.Bench;

/// <summary>The real app on a loopback Kestrel port for the soak run: the sample account with its usual latency, configured by settings only.</summary>
public sealed class SoakHost : LoopbackAppHost
{
    private SoakHost(IReadOnlyDictionary<string, string?> settings)
        : base(NewDataPath("soak"), settings)
    {
    }

    /// <summary>The app's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => new(BaseUrl + "/");

    public static SoakHost Start(IReadOnlyDictionary<string, string?> settings)
    {
        HarnessContentRoot.Use();
        var host = new SoakHost(settings);
        host.Listen();
        return host;
    }
}
