using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;

namespace FinOps.Tests.Unit.Scanning;

public sealed class ScanJobObserverTests
{
    private static ScanHarness TwoRegions() =>
        ScanHarness.WithInstances(["eu-west-1", "us-east-1"], 3, compliant: i => i != 0);

    [Fact]
    public async Task Observers_hear_of_a_job_when_it_starts_and_when_it_finishes_with_its_result_applied_to_the_state()
    {
        using var harness = TwoRegions();
        var (held, release) = harness.Inventory.Hold("us-east-1");
        var seen = new List<(ScanJob Job, bool Finished, ComplianceResult? Latest)>();
        using var subscription = harness.Service.SubscribeJobs(job =>
        {
            lock (seen)
            {
                seen.Add((job, job.IsFinished, harness.Service.LatestResult));
            }
        });

        var job = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        await held.Entered;
        lock (seen)
        {
            Assert.Equal([(job, false, (ComplianceResult?)null)], seen);
        }

        var finished = new TaskCompletionSource();
        using var done = harness.Service.SubscribeJobs(j =>
        {
            if (j.IsFinished)
            {
                finished.TrySetResult();
            }
        });
        release();
        var result = await job.Completion;
        await finished.Task;

        lock (seen)
        {
            Assert.Equal(2, seen.Count);
            Assert.Same(job, seen[1].Job);
            Assert.True(seen[1].Finished);
            Assert.Equal(result.ScanId, seen[1].Latest?.ScanId);
            Assert.Equal(result.Summary, seen[1].Latest?.Summary);
        }
    }

    [Fact]
    public async Task A_failed_or_disposed_observer_does_not_stop_the_scan_or_hear_more()
    {
        using var harness = TwoRegions();
        harness.Inventory.Fail("eu-west-1", SourceFailureKind.AccessDenied, message: "denied");
        var calls = 0;
        var subscription = harness.Service.SubscribeJobs(_ => Interlocked.Increment(ref calls));
        using var broken = harness.Service.SubscribeJobs(_ => throw new InvalidOperationException("page went away"));
        var finished = new TaskCompletionSource<ScanJob>();
        using var last = harness.Service.SubscribeJobs(j =>
        {
            if (j.IsFinished)
            {
                finished.TrySetResult(j);
            }
        });

        subscription.Dispose();
        var job = await harness.Service.StartScanAsync(ScanRequest.Default, CancellationToken.None);
        var result = await job.Completion;

        Assert.Same(job, await finished.Task);
        Assert.Equal(0, Volatile.Read(ref calls));
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
    }
}
