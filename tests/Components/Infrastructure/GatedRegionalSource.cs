using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FinOps.Aws.Sample;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Infrastructure;

/// <summary>
/// The sample account's regional listings, except that a held region waits at its first listing until released, so
/// a test can look at a scan while it runs (no sleeps: the test awaits <see cref="EnteredAsync"/>).
/// </summary>
public sealed class GatedRegionalSource(IRegionalResourceSource inner) : IRegionalResourceSource
{
    private readonly ConcurrentDictionary<string, (TaskCompletionSource Entered, TaskCompletionSource Gate)> _held = new(StringComparer.Ordinal);

    /// <summary>Registers the gate in place of the sample account's regional source.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(sp => new GatedRegionalSource(sp.GetRequiredService<SampleResourceSource>()));
        services.AddSingleton<IRegionalResourceSource>(sp => sp.GetRequiredService<GatedRegionalSource>());
    }

    /// <summary>Makes every listing of <paramref name="region"/> wait until <see cref="Release"/>.</summary>
    public void Hold(string region) =>
        _held[region] = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Completes when a listing of the held region has started waiting.</summary>
    public Task EnteredAsync(string region) => _held[region].Entered.Task;

    public void Release(string region) => _held[region].Gate.TrySetResult();

    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_held.TryGetValue(region, out var hold))
        {
            hold.Entered.TrySetResult();
            await hold.Gate.Task.WaitAsync(cancellationToken);
        }

        await foreach (var page in inner.ListAsync(region, type, cancellationToken))
        {
            yield return page;
        }
    }

    public Coverage CoverageOf(ResourceTypeInfo type) => inner.CoverageOf(type);
}
