using FinOps.Domain.Scanning;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Live;

/// <summary>A forced refresh is a new scan, however close it comes to the end of the previous one.</summary>
public sealed class ForcedRefreshTests
{
    [Fact]
    public async Task A_forced_refresh_asked_for_as_the_previous_scan_finishes_starts_a_new_scan()
    {
        await using var scan = await LiveScanHarness.StartAsync();
        var planner = scan.Services.GetRequiredService<ScanPlanner>();
        var jobs = scan.Services.GetRequiredService<ScanJobs>();
        var plan = await planner.PlanAsync(new ScanRequest(["ec2:instance"], ["us-east-1"], forceRefresh: true), CancellationToken.None);
        var first = jobs.Start(plan);
        var next = new TaskCompletionSource<ScanJob>(TaskCreationOptions.RunContinuationsAsynchronously);

        // The final state reaches observers while the finished job is still registered as running: the moment a
        // caller (a second tab, a benchmark loop) can arrive with the same request.
        using var watch = first.Subscribe(snapshot =>
        {
            if (snapshot.IsFinished)
            {
                next.TrySetResult(jobs.Start(plan));
            }
        });
        var firstResult = await first.Completion;
        var second = await next.Task;
        var secondResult = await second.Completion;

        Assert.NotSame(first, second);
        Assert.NotEqual(firstResult.ScanId, secondResult.ScanId);
        // Both scans listed the instances (three pages each).
        Assert.Equal(2 * 3, scan.Requests("us-east-1", "DescribeInstances").Count);
    }
}
