using System.Collections.Immutable;

namespace FinOps.Aws.Sample;

/// <summary>
/// What each resource of the sample account should be tagged with: the values of the workload (application ×
/// environment) the generator placed it in, before it applied its tagging mistakes. Known for every resource, the
/// untagged and mistagged ones included, so suggestions can be scored against it. Reading it changes nothing in the account.
/// </summary>
public sealed class SampleTagTruth
{
    private readonly Dictionary<string, SampleWorkload> _byArn;

    internal SampleTagTruth(SampleAccountData data)
    {
        _byArn = new Dictionary<string, SampleWorkload>(data.ResourceCount, StringComparer.Ordinal);
        foreach (var ((region, type), resources) in data.Listings)
        {
            for (var i = 0; i < resources.Length; i++)
            {
                _byArn[resources[i].Arn] = data.WorkloadOf(region, type, i);
            }
        }
    }

    /// <summary>The tag keys whose intended values are known.</summary>
    public static ImmutableArray<string> Keys { get; } =
    [
        SampleTagVocabulary.CostCenterKey, SampleTagVocabulary.OwnerKey, SampleTagVocabulary.EnvironmentKey,
        SampleTagVocabulary.ApplicationKey, SampleTagVocabulary.DataClassificationKey, SampleTagVocabulary.ProjectKey,
        SampleTagVocabulary.TeamKey,
    ];

    /// <summary>How many resources the truth covers (every resource of the account).</summary>
    public int Count => _byArn.Count;

    /// <summary>
    /// The value the resource's <paramref name="key"/> tag should have, or null for an unknown ARN, a key outside
    /// <see cref="Keys"/>, or a project tag of a workload without a project.
    /// </summary>
    public string? IntendedValue(string arn, string key)
    {
        ArgumentNullException.ThrowIfNull(arn);
        ArgumentNullException.ThrowIfNull(key);
        if (!_byArn.TryGetValue(arn, out var workload))
        {
            return null;
        }

        return key switch
        {
            SampleTagVocabulary.CostCenterKey => workload.CostCenter,
            SampleTagVocabulary.OwnerKey => workload.Owner,
            SampleTagVocabulary.EnvironmentKey => workload.Environment,
            SampleTagVocabulary.ApplicationKey => workload.Application,
            SampleTagVocabulary.DataClassificationKey => workload.Classification,
            SampleTagVocabulary.ProjectKey => workload.Project,
            SampleTagVocabulary.TeamKey => workload.Team,
            _ => null,
        };
    }
}
