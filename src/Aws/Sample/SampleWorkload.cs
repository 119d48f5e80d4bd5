namespace FinOps.Aws.Sample;

/// <summary>
/// A team's application in one environment: the tags its resources should carry and how careful the team is.
/// Resources in the same VPC mostly belong to the same workload, so neighbours share their tags.
/// </summary>
/// <param name="Application">The application name (lower-case, as the organisation spells it).</param>
/// <param name="Environment">production, staging or development.</param>
/// <param name="EnvironmentShort">The short form used in resource names (prod, stg, dev).</param>
/// <param name="CostCenter">The finance cost centre.</param>
/// <param name="Owner">The owning team's e-mail address.</param>
/// <param name="Team">The owning team's name.</param>
/// <param name="Project">The project code, when the workload has one.</param>
/// <param name="Classification">The data classification of its data stores.</param>
/// <param name="HygienePermille">Chance, in thousandths, that one of its resources is tagged without mistakes.</param>
internal sealed record SampleWorkload(
    string Application,
    string Environment,
    string EnvironmentShort,
    string CostCenter,
    string Owner,
    string Team,
    string? Project,
    string Classification,
    int HygienePermille)
{
    /// <summary>The prefix of its resources' names, e.g. <c>checkout-prod</c>.</summary>
    public string Slug { get; } = $"{Application}-{EnvironmentShort}";
}
