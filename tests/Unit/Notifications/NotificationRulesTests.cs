using FinOps.Domain.Notifications;
using FinOps.Domain.Owners;
using FinOps.Tests.Unit.Costs;

namespace FinOps.Tests.Unit.Notifications;

public sealed class NotificationRulesTests
{
    private static readonly OwnerDirectory ByCostCenter = OwnerDirectory.Create(new OwnersOptions { TagKey = "CostCenter" });

    /// <summary>A result with violations for two owners (CC-9 wrong value, untagged) and a compliant one (CC-1).</summary>
    private static FinOps.Domain.Scanning.ComplianceResult Result()
    {
        var scenario = CostScenario.Empty("us-east-1")
            .With(CostScenario.Resource("ec2:instance", "us-east-1", 1, System.Collections.Immutable.ImmutableArray<FinOps.Domain.Resources.Tag>.Empty))
            .With(CostScenario.Resource("ec2:instance", "us-east-1", 2, [new("CostCenter", "CC-9"), new("Owner", "ops@example.com")]))
            .With(CostScenario.Resource("ec2:instance", "us-east-1", 3, CostScenario.GoodTags))
            .With(CostScenario.Compute, "us-east-1", 30_000);
        return scenario.Build();
    }

    [Fact]
    public void On_a_first_run_owners_with_violations_get_a_digest_and_the_summary_is_sent()
    {
        var result = Result();
        var digests = DigestScenarios.Build(result, ByCostCenter, withBefore: false, drift: null);

        Assert.Equal(["CC-9", "unowned"], digests.ToSend.Select(d => d.Owner.Name).Order(StringComparer.Ordinal));
        Assert.Equal("no violations", digests.Rules.Skip(digests.Owners.Single(d => d.Owner.Name == "CC-1")));
        Assert.True(digests.SendSummary);
        Assert.Null(digests.Summary.GapMovedCents);
    }

    [Fact]
    public void A_waiver_ending_within_the_warning_window_is_news_for_its_owner_only()
    {
        var scenario = CostScenario.Empty("us-east-1")
            .With(CostScenario.Resource("ec2:instance", "us-east-1", 1, System.Collections.Immutable.ImmutableArray<FinOps.Domain.Resources.Tag>.Empty))
            .With(CostScenario.Resource("ec2:instance", "us-east-1", 2, [new("CostCenter", "CC-9"), new("Owner", "ops@example.com")]))
            .With(CostScenario.Compute, "us-east-1", 30_000);
        var untagged = scenario.Resources[0].Arn;
        var cc9 = scenario.Resources[1].Arn;
        var soon = CostScenario.Now.AddDays(5);
        FinOps.Domain.Waivers.Waiver[] waivers =
        [
            Waivers.WaiverScenarios.Make(FinOps.Domain.Waivers.WaiverScope.TryCreate(cc9, null, null, null, null, out _)!, null,
                FinOps.Domain.Waivers.WaiverStatus.Approved, soon, 1),
            Waivers.WaiverScenarios.Make(FinOps.Domain.Waivers.WaiverScope.TryCreate(untagged, null, null, null, null, out _)!, null,
                FinOps.Domain.Waivers.WaiverStatus.Approved, CostScenario.Now.AddDays(60), 2),
        ];
        var result = (scenario with { Waivers = FinOps.Domain.Waivers.WaiverBook.At(waivers, 1, CostScenario.Now) }).Build();

        var digests = DigestScenarios.Build(result, ByCostCenter, withBefore: true, drift: DigestScenarios.Drift([]));

        var expiring = digests.Owners.Single(d => d.Owner.Name == "CC-9");
        Assert.NotEmpty(expiring.ExpiringWaivers);
        Assert.All(expiring.ExpiringWaivers, v => Assert.Equal((cc9, soon), (v.Arn, v.WaivedUntil)));
        Assert.Null(digests.Rules.Skip(expiring));
        var later = digests.Owners.Single(d => d.Owner.Name == "unowned");
        Assert.Empty(later.ExpiringWaivers);
        Assert.Equal("nothing changed", digests.Rules.Skip(later));

        var warningOff = DigestScenarios.Build(result, ByCostCenter, withBefore: true, drift: DigestScenarios.Drift([]), new NotificationRules(false, 0, 0));
        Assert.Empty(warningOff.ToSend);
    }

    [Fact]
    public void Nothing_changed_since_the_previous_run_is_silent()
    {
        var digests = DigestScenarios.Build(Result(), ByCostCenter, withBefore: true, drift: DigestScenarios.Drift([]));

        Assert.Empty(digests.ToSend);
        Assert.All(digests.Owners, d => Assert.Equal("nothing changed", digests.Rules.Skip(d)));
        Assert.Equal("nothing changed", digests.Rules.Skip(digests.Summary));
        Assert.Equal(0, digests.Summary.GapMovedCents);
    }

    [Fact]
    public void A_new_violation_wakes_its_owner_only_and_lists_in_the_summary()
    {
        var result = Result();
        var changed = result.Resources.Where(r => r.Resource.TagValue("CostCenter") == "CC-9");
        var digests = DigestScenarios.Build(result, ByCostCenter, withBefore: true, DigestScenarios.Drift(changed));

        Assert.Equal(["CC-9"], digests.ToSend.Select(d => d.Owner.Name));
        Assert.True(digests.SendSummary);
        var listed = Assert.Single(digests.Summary.NewViolations);
        Assert.Equal(("CC-9", "CostCenter"), (listed.Owner, listed.Detail.TagKey));
    }

    [Fact]
    public void Only_when_worse_leaves_out_owners_whose_changes_only_fixed_things()
    {
        var result = Result();
        var changed = result.Resources.Where(r => r.Resource.TagValue("CostCenter") == "CC-9");
        var rules = new NotificationRules(OnlyWhenWorse: true, MinimumSpendCents: 0);
        var digests = DigestScenarios.Build(result, ByCostCenter, withBefore: true, DigestScenarios.Drift(changed, fixedOnly: true), rules);

        Assert.Empty(digests.ToSend);
        Assert.Equal("not worse", rules.Skip(digests.Owners.Single(d => d.Owner.Name == "CC-9")));
        Assert.Equal("not worse", rules.Skip(digests.Summary));
        Assert.NotNull(NotificationRules.Default.Skip(digests.Owners.Single(d => d.Owner.Name == "CC-1")));
        Assert.Null(NotificationRules.Default.Skip(digests.Owners.Single(d => d.Owner.Name == "CC-9")));
    }

    [Fact]
    public void The_minimum_spend_leaves_out_small_owners_and_small_new_violations()
    {
        var result = Result();
        var rules = new NotificationRules(OnlyWhenWorse: false, MinimumSpendCents: long.MaxValue);
        var digests = DigestScenarios.Build(result, ByCostCenter, withBefore: true, DigestScenarios.Drift(result.Resources), rules);

        Assert.Empty(digests.ToSend);
        Assert.All(digests.Owners.Where(d => !d.Violations.IsEmpty), d => Assert.Equal("below the minimum spend", rules.Skip(d)));
        Assert.Empty(digests.Summary.NewViolations);
    }
}
