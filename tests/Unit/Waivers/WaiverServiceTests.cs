using FinOps.Domain.Scanning;
using FinOps.Domain.State;
using FinOps.Domain.Waivers;
using FinOps.Tests.Unit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FinOps.Tests.Unit.Waivers;

public sealed class WaiverServiceTests
{
    private const string Arn = "arn:aws:ec2:us-east-1:123456789012:instance/i-0001";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 15, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryWaiverStore _store = new();

    private WaiverService Service(bool selfApproval = false, int maxDays = 180) =>
        new(_store, MsOptions.Create(new WaiverOptions { AllowSelfApproval = selfApproval, MaxDays = maxDays }), _time);

    private WaiverRequest ForArn(string? key = "CostCenter", int days = 30, string arn = Arn) =>
        new(arn, null, null, null, null, key, "legacy box, retiring in Q1", _time.GetUtcNow().AddDays(days));

    [Fact]
    public async Task A_request_is_pending_and_waives_nothing_until_approved_by_someone_else()
    {
        using var service = Service();
        var requested = await service.RequestAsync(ForArn(), "alice", default);
        Assert.True(requested.Succeeded, requested.Refusal);
        Assert.Equal(WaiverStatus.Pending, requested.Waiver!.StoredStatus);
        Assert.True(service.BookAt(_time.GetUtcNow()).IsEmpty);

        var self = await service.ApproveAsync(requested.Waiver.Id, "Alice", default);
        Assert.False(self.Succeeded);
        Assert.Contains("cannot approve it too", self.Refusal, StringComparison.Ordinal);
        Assert.Contains("AllowSelfApproval", self.Refusal, StringComparison.Ordinal);

        var approved = await service.ApproveAsync(requested.Waiver.Id, "bob", default);
        Assert.True(approved.Succeeded, approved.Refusal);
        Assert.Equal("bob", approved.Waiver!.DecidedBy);
        Assert.Single(service.BookAt(_time.GetUtcNow()).Active);
        Assert.Single(await _store.ListAsync(default), w => w.StoredStatus == WaiverStatus.Approved);
    }

    [Fact]
    public async Task Self_approval_is_allowed_only_when_the_setting_says_so()
    {
        using var service = Service(selfApproval: true);
        var requested = await service.RequestAsync(ForArn(), "alice", default);
        Assert.True((await service.ApproveAsync(requested.Waiver!.Id, "alice", default)).Succeeded);
    }

    [Fact]
    public async Task Only_pending_waivers_are_decided_and_only_approved_ones_revoked()
    {
        using var service = Service();
        var a = (await service.RequestAsync(ForArn(), "alice", default)).Waiver!;
        var b = (await service.RequestAsync(ForArn("Owner"), "alice", default)).Waiver!;

        var revokePending = await service.RevokeAsync(a.Id, "bob", default);
        Assert.Contains("Only an approved, unexpired waiver can be revoked; this one is pending", revokePending.Refusal, StringComparison.Ordinal);

        Assert.True((await service.RejectAsync(b.Id, "bob", default)).Succeeded);
        Assert.Contains("Only a pending waiver can be approved; this one is rejected", (await service.ApproveAsync(b.Id, "bob", default)).Refusal, StringComparison.Ordinal);
        Assert.Contains("this one is rejected", (await service.RevokeAsync(b.Id, "bob", default)).Refusal, StringComparison.Ordinal);

        Assert.True((await service.ApproveAsync(a.Id, "bob", default)).Succeeded);
        Assert.Contains("this one is approved", (await service.RejectAsync(a.Id, "bob", default)).Refusal, StringComparison.Ordinal);
        Assert.True((await service.RevokeAsync(a.Id, "carol", default)).Succeeded);
        Assert.Contains("this one is revoked", (await service.RevokeAsync(a.Id, "carol", default)).Refusal, StringComparison.Ordinal);
        Assert.True(service.BookAt(_time.GetUtcNow()).IsEmpty);

        Assert.Contains("No waiver has the id 'nope'", (await service.ApproveAsync("nope", "bob", default)).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_waiver_cannot_be_revoked_and_lists_as_expired()
    {
        using var service = Service();
        var a = (await service.RequestAsync(ForArn(days: 1), "alice", default)).Waiver!;
        await service.ApproveAsync(a.Id, "bob", default);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(WaiverStatus.Expired, Assert.Single(service.List()).Status);
        Assert.Single(service.List(WaiverStatus.Expired));
        Assert.Empty(service.List(WaiverStatus.Approved));
        Assert.Contains("this one is expired", (await service.RevokeAsync(a.Id, "bob", default)).Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "must be in the future")]
    [InlineData(-3, "must be in the future")]
    [InlineData(181, "at most 180 days away")]
    public async Task Expiry_must_be_in_the_future_and_within_max_days(int days, string expected)
    {
        using var service = Service();
        var result = await service.RequestAsync(ForArn(days: days), "alice", default);
        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Refusal, StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync(default));
    }

    [Fact]
    public async Task Max_days_is_inclusive_and_follows_the_setting()
    {
        using var service = Service(maxDays: 7);
        Assert.True((await service.RequestAsync(ForArn(days: 7), "alice", default)).Succeeded);
        Assert.Contains("at most 7 days away", (await service.RequestAsync(ForArn(days: 8), "alice", default)).Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-arn", null, null, null, null, "is not an ARN")]
    [InlineData(null, null, null, null, null, "give an ARN")]
    [InlineData(Arn, "ec2:instance", null, null, null, "not both")]
    [InlineData(null, "ec2:instance", "us-east-1", null, null, "exactly one of a name pattern or a tag pattern")]
    [InlineData(null, "ec2:instance", "moon-1", "web-*", null, "region code")]
    [InlineData(null, "ec2:instance", "*", null, "Team", "'Key=glob'")]
    [InlineData(null, "ec2:instance", "*", "a", "Team=x", "exactly one")]
    public async Task Bad_scopes_are_refused_saying_what_is_accepted(string? arn, string? type, string? region, string? name, string? tag, string expected)
    {
        using var service = Service();
        var result = await service.RequestAsync(new WaiverRequest(arn, type, region, name, tag, null, "why", _time.GetUtcNow().AddDays(1)), "alice", default);
        Assert.False(result.Succeeded);
        Assert.StartsWith("The waiver's scope is not valid", result.Refusal, StringComparison.Ordinal);
        Assert.Contains(expected, result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reason_is_required()
    {
        using var service = Service();
        var result = await service.RequestAsync(ForArn() with { Reason = "  " }, "alice", default);
        Assert.Contains("needs a reason", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiver_expiring_at_T_counts_at_T_minus_one_tick_and_not_at_T_in_the_account_state_without_a_rescan()
    {
        using var harness = ScanHarness.WithInstances(["us-east-1"], 4, compliant: i => i % 2 == 0);
        using var service = Service();
        using var keeper = new AccountStateKeeper(harness.Policies, _time, NullLogger<AccountStateKeeper>.Instance, service);
        keeper.Apply(await harness.ScanAsync());
        var before = (await keeper.ViewAsync(ScanScope.Everything, default))!;
        Assert.Equal(0.5, before.Summary.Score, 6);
        var offender = before.Resources.First(r => r.IsInGap);

        var expiry = _time.GetUtcNow().AddDays(10);
        var waiver = (await service.RequestAsync(new WaiverRequest(offender.Arn, null, null, null, null, null, "moving", expiry), "alice", default)).Waiver!;
        Assert.Same(before, keeper.View(ScanScope.Everything));
        await service.ApproveAsync(waiver.Id, "bob", default);

        var waived = keeper.View(ScanScope.Everything)!;
        Assert.NotSame(before, waived);
        Assert.Equal(1, waived.Summary.Waived);
        Assert.Equal(2.0 / 3, waived.Summary.Score, 6);
        Assert.Equal(before.Costs.GapCents - offender.Cost.Cents, waived.Costs.GapCents);
        Assert.Equal(offender.Cost.Cents, waived.Costs.WaivedCents);
        Assert.Same(waived, keeper.View(ScanScope.Everything));

        _time.SetUtcNow(expiry.AddTicks(-1));
        var lastTick = keeper.View(ScanScope.Everything)!;
        Assert.Equal(1, lastTick.Summary.Waived);
        Assert.Equal(expiry, lastTick.ViolationsByCost.First(v => v.Arn == offender.Arn).WaivedUntil);

        _time.SetUtcNow(expiry);
        var expired = keeper.View(ScanScope.Everything)!;
        Assert.Equal(0, expired.Summary.Waived);
        Assert.Equal(0, expired.Costs.WaivedCents);
        Assert.Equal(before.Costs, expired.Costs);
        Assert.Equal(before.Summary, expired.Summary);
        Assert.All(expired.ViolationsByCost, v => Assert.Null(v.WaivedUntil));
        Assert.Equal(WaiverStatus.Expired, service.List().Single().Status);
    }

    [Fact]
    public async Task Waivers_are_read_back_from_the_store_by_a_new_service()
    {
        using (var first = Service())
        {
            var w = (await first.RequestAsync(ForArn(), "alice", default)).Waiver!;
            await first.ApproveAsync(w.Id, "bob", default);
        }

        using var second = Service();
        await second.EnsureLoadedAsync(default);
        Assert.Equal(WaiverStatus.Approved, Assert.Single(second.List()).Status);
        Assert.NotNull(second.BookAt(_time.GetUtcNow()).WaivedUntil(
            new FinOps.Domain.Resources.CloudResource(Arn, "ec2:instance", "us-east-1", []), "CostCenter"));
    }
}
