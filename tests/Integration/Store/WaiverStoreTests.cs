using FinOps.Domain.Waivers;
using FinOps.Store.Waivers;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FinOps.Tests.Integration.Store;

/// <summary>Waivers written by one service are read back, field for field, by a new one over the same database.</summary>
public sealed class WaiverStoreTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    [Theory, SqliteStore, PostgresStore]
    public async Task Waivers_round_trip_with_every_field_and_decision(StoreKind kind)
    {
        using var history = await databases.FreshAsync(kind);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 15, 9, 0, 0, TimeSpan.Zero).AddTicks(12345));
        var options = MsOptions.Create(new WaiverOptions());
        var store = new WaiverStore(history);
        Waiver byArn, byTag, byName;
        using (var service = new WaiverService(store, options, time))
        {
            byArn = (await service.RequestAsync(new WaiverRequest("arn:aws:ec2:us-east-1:123456789012:instance/i-1", null, null, null, null,
                "CostCenter", "legacy, retiring", time.GetUtcNow().AddDays(30)), "alice", default)).Waiver!;
            byTag = (await service.RequestAsync(new WaiverRequest(null, "s3:bucket", "*", null, "Team=data-*", "*", "shared buckets",
                time.GetUtcNow().AddDays(90)), "alice", default)).Waiver!;
            byName = (await service.RequestAsync(new WaiverRequest(null, "ec2:instance", "eu-west-1", "web-?", null, "Owner", "ünïcode ✓",
                time.GetUtcNow().AddDays(1)), "carol", default)).Waiver!;
            time.Advance(TimeSpan.FromMinutes(5));
            byArn = (await service.ApproveAsync(byArn.Id, "bob", default)).Waiver!;
            byTag = (await service.RejectAsync(byTag.Id, "bob", default)).Waiver!;
            await service.ApproveAsync(byName.Id, "bob", default);
            byName = (await service.RevokeAsync(byName.Id, "dave", default)).Waiver!;
        }

        using var reloaded = new WaiverService(new WaiverStore(history), options, time);
        await reloaded.EnsureLoadedAsync(default);
        var listed = reloaded.List().Select(l => l.Waiver).OrderBy(w => w.RequestedAt).ThenBy(w => w.Id).ToList();
        Assert.Equal(3, listed.Count);
        foreach (var (expected, actual) in new[] { byArn, byTag, byName }.OrderBy(w => w.RequestedAt).ThenBy(w => w.Id).Zip(listed))
        {
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.Scope.ToString(), actual.Scope.ToString());
            Assert.Equal(expected.TagKey, actual.TagKey);
            Assert.Equal(expected.Reason, actual.Reason);
            Assert.Equal(expected.RequestedBy, actual.RequestedBy);
            Assert.Equal(expected.RequestedAt, actual.RequestedAt);
            Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);
            Assert.Equal(expected.StoredStatus, actual.StoredStatus);
            Assert.Equal(expected.DecidedBy, actual.DecidedBy);
            Assert.Equal(expected.DecidedAt, actual.DecidedAt);
        }

        Assert.Null(listed.Single(w => w.Id == byTag.Id).TagKey);
        Assert.Equal(WaiverStatus.Approved, listed.Single(w => w.Id == byArn.Id).StoredStatus);
        Assert.Equal(3, await StoreDatabases.ScalarAsync(history.Database, "SELECT COUNT(*) FROM waivers"));
        Assert.Single(reloaded.BookAt(time.GetUtcNow()).Active);
    }
}
