using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Integration.Api;

/// <summary>
/// The sample account's listing with hostile text on the first EC2 instances of eu-west-1: a name and tag values that a
/// spreadsheet would evaluate (<c>= + - @</c>), as an attacker who can tag resources could set them.
/// </summary>
internal sealed class FormulaTaggedResourceSource(IRegionalResourceSource inner) : IRegionalResourceSource
{
    public const string Region = "eu-west-1";
    public const string HostileName = "=HYPERLINK(\"http://evil.example\",\"open\")";

    /// <summary>Values of required tags that break the policy, so they show up as violations' current values.</summary>
    public static readonly IReadOnlyList<Tag> HostileTags =
    [
        new("Environment", "+SUM(1,2)"),
        new("Owner", "@cmd"),
        new("CostCenter", "-2+3"),
    ];

    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = true;
        await foreach (var page in inner.ListAsync(region, type, cancellationToken).ConfigureAwait(false))
        {
            if (first && region == Region && type.Name == "ec2:instance" && page.Count > 0)
            {
                first = false;
                yield return [Hostile(page[0]), .. page.Skip(1)];
                continue;
            }

            yield return page;
        }
    }

    public Coverage CoverageOf(ResourceTypeInfo type) => inner.CoverageOf(type);

    private static CloudResource Hostile(CloudResource resource)
    {
        var keys = HostileTags.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        return resource with
        {
            Name = HostileName,
            Tags = [.. resource.Tags.Where(t => !keys.Contains(t.Key)), .. HostileTags],
        };
    }
}
