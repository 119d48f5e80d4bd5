using System.Runtime.CompilerServices;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>
/// The sample account's listing, where the first EC2 instances of eu-west-1 carry the <see cref="CostCenter"/> the
/// test sets: someone retagging a resource between two scans.
/// </summary>
internal sealed class RetaggingResourceSource(IRegionalResourceSource inner) : IRegionalResourceSource
{
    public const string Region = "eu-west-1";
    public const string Key = "CostCenter";

    /// <summary>How many resources (the first of the first page) carry the test's CostCenter.</summary>
    public const int Retagged = 3;

    private string? _target;
    private string _costCenter = "CC-100";

    /// <summary>The first retagged resource's ARN, once a scan has listed it.</summary>
    public string? TargetArn => Volatile.Read(ref _target);

    /// <summary>The CostCenter value the next listing gives the target.</summary>
    public string CostCenter
    {
        get => Volatile.Read(ref _costCenter);
        set => Volatile.Write(ref _costCenter, value);
    }

    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = true;
        await foreach (var page in inner.ListAsync(region, type, cancellationToken).ConfigureAwait(false))
        {
            if (!first || region != Region || type.Name != "ec2:instance" || page.Count == 0)
            {
                yield return page;
                continue;
            }

            first = false;
            Interlocked.CompareExchange(ref _target, page[0].Arn, null);
            var value = CostCenter;
            yield return [.. page.Select((r, i) => i < Retagged
                ? r with { Tags = [.. r.Tags.Where(t => t.Key != Key), new Tag(Key, value)] }
                : r)];
        }
    }

    public Coverage CoverageOf(ResourceTypeInfo type) => inner.CoverageOf(type);
}
