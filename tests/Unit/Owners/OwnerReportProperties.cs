using FinOps.Domain.Owners;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Costs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Owners;

public sealed class OwnerReportProperties
{
    /// <summary>Directories over the scenarios' tags: the owner tag, teams over its values, and fallbacks per region.</summary>
    private static Gen<OwnerDirectory> Directories =>
        from tagKey in Gen.Elements("Owner", "CostCenter")
        from team in Gen.Elements(Array.Empty<string>(), ["CC-1"], ["CC-1", "CC-9"], ["ops@example.com"])
        from fallbackRegion in Gen.Elements<string?>(null, "us-east-1", "eu-west-1", "global")
        from fallbackDefault in Gen.Elements<string?>(null, "finops@example.com", "core")
        select Directory(tagKey, team, fallbackRegion, fallbackDefault);

    private static OwnerDirectory Directory(string tagKey, string[] members, string? fallbackRegion, string? fallbackDefault)
    {
        var options = new OwnersOptions { TagKey = tagKey };
        if (members.Length > 0)
        {
            options.Teams["core"] = new OwnerTeamOptions { Email = "core@example.com", Members = [.. members] };
        }

        if (fallbackRegion is not null)
        {
            options.Fallback[fallbackRegion] = "regional@example.com";
        }

        if (fallbackDefault is not null)
        {
            options.Fallback[OwnerDirectory.DefaultFallback] = fallbackDefault;
        }

        return OwnerDirectory.Create(options);
    }

    [Property(MaxTest = 200)]
    public Property Owners_partition_the_resources_and_their_gaps_sum_to_the_account_gap() =>
        Prop.ForAll(CostScenarios.Arbitrary(), Directories.ToArbitrary(), (scenario, directory) =>
        {
            var result = scenario.Build();
            var report = OwnerReport.From(result, directory);
            var arns = report.Rows.SelectMany(r => r.Resources).Select(r => r.Arn).ToList();
            var total = report.Rows.Aggregate(ComplianceSummary.Empty, (a, r) => a with
            {
                TotalResources = a.TotalResources + r.Summary.TotalResources,
                InScope = a.InScope + r.Summary.InScope,
                Compliant = a.Compliant + r.Summary.Compliant,
                Violations = a.Violations + r.Summary.Violations,
            });
            return arns.Count == result.Resources.Length
                && arns.ToHashSet(StringComparer.Ordinal).SetEquals(result.Resources.Select(r => r.Arn))
                && report.Rows.All(row => row.Resources.All(r => directory.Resolve(r.Resource) == row.Owner))
                && report.Rows.Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == report.Rows.Length
                && report.Rows.Sum(r => r.GapCents) == result.Summary.GapCents
                && report.Rows.Sum(r => r.GapCents) == result.Costs.GapCents
                && (total.TotalResources, total.InScope, total.Compliant, total.Violations)
                    == (result.Summary.TotalResources, result.Summary.InScope, result.Summary.Compliant, result.Summary.Violations);
        });

    [Property(MaxTest = 200)]
    public Property With_waivers_in_force_owners_gaps_and_waived_spend_sum_to_the_accounts_lines() =>
        Prop.ForAll(Waivers.WaiverScenarios.WithWaivers().ToArbitrary(), Directories.ToArbitrary(), (input, directory) =>
        {
            var book = Domain.Waivers.WaiverBook.At(input.Waivers, 1, CostScenario.Now);
            var result = (input.Scenario with { Waivers = book }).Build();
            var report = OwnerReport.From(result, directory);
            return report.Rows.Sum(r => r.GapCents) == result.Costs.GapCents
                && report.Rows.Sum(r => r.WaivedCents) == result.Costs.WaivedCents
                && report.Rows.Sum(r => r.Summary.Waived) == result.Summary.Waived;
        });

    [Property(MaxTest = 100)]
    public Property The_owner_filter_keeps_exactly_the_owners_violations() =>
        Prop.ForAll(CostScenarios.Arbitrary(), Directories.ToArbitrary(), (scenario, directory) =>
        {
            var result = scenario.Build();
            var report = OwnerReport.From(result, directory);
            return report.Rows.All(row =>
            {
                var filter = ViolationFilter.None with { Owner = new OwnerFilter(row.Name.ToUpperInvariant(), directory) };
                var listed = ViolationQuery.All(result, filter).Select(v => (v.Arn, v.TagKey, v.Kind)).ToList();
                var expected = result.ViolationsByCost.Where(v => row.Resources.Contains(v.Resource)).Select(v => (v.Arn, v.TagKey, v.Kind)).ToList();
                return listed.SequenceEqual(expected) && listed.Count == row.Summary.Violations;
            });
        });
}
