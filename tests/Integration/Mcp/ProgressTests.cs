using System.Collections.Concurrent;
using ModelContextProtocol;

namespace FinOps.Tests.Integration.Mcp;

public sealed class ProgressTests
{
    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task Check_tag_compliance_sends_progress_notifications_while_it_scans_when_the_client_asks(string stateless)
    {
        await using var host = McpTestHost.Start(new Dictionary<string, string?>
        {
            ["FinOps:Mcp:Stateless"] = stateless,
            ["FinOps:Sample:LatencyMilliseconds"] = "3",
        });
        await using var client = await host.ConnectAsync();
        var progress = new RecordingProgress();

        var answer = await client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"force_refresh":true,"limit":1}""", progress);

        Assert.False(answer.GetProperty("from_cache").GetBoolean());
        Assert.NotEmpty(progress.Values);
        Assert.All(progress.Values, v =>
        {
            Assert.Equal(100, v.Total);
            Assert.InRange(v.Progress, 0, 100);
            Assert.Contains("regions done", v.Message, StringComparison.Ordinal);
        });
        Assert.Equal(progress.Values.Select(v => v.Progress).Order(), progress.Values.Select(v => v.Progress));
    }

    [Fact]
    public async Task A_cached_answer_sends_no_progress()
    {
        await using var host = McpTestHost.Start(new Dictionary<string, string?> { ["FinOps:Mcp:Stateless"] = "false" });
        await using var client = await host.ConnectAsync();
        _ = await client.AnswerAsync("check_tag_compliance", """{"resource_types":["ec2:instance"]}""");
        var progress = new RecordingProgress();

        var answer = await client.AnswerAsync("check_tag_compliance", """{"resource_types":["ec2:instance"]}""", progress);

        Assert.True(answer.GetProperty("from_cache").GetBoolean());
        Assert.Empty(progress.Values);
    }

    /// <summary>Records notifications as they arrive (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class RecordingProgress : IProgress<ProgressNotificationValue>
    {
        private readonly ConcurrentQueue<ProgressNotificationValue> _values = new();

        public IReadOnlyList<ProgressNotificationValue> Values => [.. _values];

        public void Report(ProgressNotificationValue value) => _values.Enqueue(value);
    }
}
