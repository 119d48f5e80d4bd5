using FinOps.Domain.Owners;
using FinOps.Tests.Unit.Costs;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Notifications;

public sealed class DigestProperties
{
    private static Gen<OwnerDirectory> Directories =>
        from tagKey in Gen.Elements("Owner", "CostCenter")
        from fallback in Gen.Elements<string?>(null, "finops@example.com")
        select OwnerDirectory.Create(new OwnersOptions
        {
            TagKey = tagKey,
            Teams = { ["core"] = new OwnerTeamOptions { Members = ["CC-1"] } },
            Fallback = fallback is null ? new(StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase) { ["Default"] = fallback },
        });

    [Property(MaxTest = 200)]
    public Property A_digest_holds_exactly_its_owners_resources_violations_and_changes() =>
        Prop.ForAll(CostScenarios.Arbitrary(), Directories.ToArbitrary(), Gen.Zip(Gen.Choose(0, 4), Gen.Elements(true, false)).ToArbitrary(),
            (scenario, directory, choice) =>
            {
                var (step, withBefore) = choice;
                var result = scenario.Build();
                var drift = DigestScenarios.Drift(DigestScenarios.Every(result, step));
                var digests = DigestScenarios.Build(result, directory, withBefore, drift);

                var everyOwnerOnce = digests.Owners.Select(d => d.Owner.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == digests.Owners.Length
                    && digests.Owners.Sum(d => d.Now.Resources.Length) == result.Resources.Length;
                var exact = digests.Owners.All(d =>
                {
                    var mine = d.Now.Resources.Select(r => r.Arn).ToHashSet(StringComparer.Ordinal);
                    var expected = result.ViolationsByCost.Where(v => mine.Contains(v.Arn)).ToList();
                    return d.Now.Resources.All(r => directory.Resolve(r.Resource).Name == d.Owner.Name)
                        && d.Violations.SequenceEqual(expected)
                        && d.Changes.All(c => mine.Contains(c.Arn))
                        && d.Changes.Length == drift.Resources.Count(c => mine.Contains(c.Arn));
                });
                return everyOwnerOnce && exact && digests.Owners.Sum(d => d.Changes.Length) == drift.Resources.Length
                    && digests.Summary.NewViolations.Length == drift.ViolationsNew;
            });
}
