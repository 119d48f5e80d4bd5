using System.Runtime.CompilerServices;
using FinOps.Aws.Sample;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Infrastructure;

/// <summary>
/// The sample account's regional listings, with <see cref="Change"/> applied to every listed resource once set: the
/// account drifts between two scans (tags edited, as people do) while the sample itself stays deterministic.
/// </summary>
public sealed class RetaggingRegionalSource(IRegionalResourceSource inner) : IRegionalResourceSource
{
    /// <summary>Registers the source in place of the sample account's regional source.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(sp => new RetaggingRegionalSource(sp.GetRequiredService<SampleResourceSource>()));
        services.AddSingleton<IRegionalResourceSource>(sp => sp.GetRequiredService<RetaggingRegionalSource>());
    }

    /// <summary>How every resource listed from now on differs from the sample's (null: not at all).</summary>
    public Func<CloudResource, CloudResource>? Change { get; set; }

    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in inner.ListAsync(region, type, cancellationToken))
        {
            yield return Change is { } change ? [.. page.Select(change)] : page;
        }
    }

    public Coverage CoverageOf(ResourceTypeInfo type) => inner.CoverageOf(type);
}
