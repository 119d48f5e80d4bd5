using System.Text.Json;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>schedule_compliance_audit and list_schedules (hosts of their own, since they save schedules).</summary>
public sealed class ScheduleToolTests
{
    [Fact]
    public async Task A_schedule_is_created_listed_with_its_next_run_and_replaced_by_name()
    {
        await using var host = McpTestHost.Start();
        await using var client = await host.ConnectAsync();

        var created = await client.AnswerAsync("schedule_compliance_audit", JsonSerializer.Serialize(new
        {
            name = "Nightly-EU", cron = "30 1 * * *", time_zone = "Europe/London", regions = new[] { "eu-west-1" }, resource_types = new[] { "ec2:instance" },
        }));
        Assert.True(created.GetProperty("created").GetBoolean());
        var schedule = created.GetProperty("schedule");
        Assert.Equal("Nightly-EU", schedule.GetProperty("name").GetString());
        Assert.Equal("Europe/London", schedule.GetProperty("time_zone").GetString());
        Assert.Equal(["eu-west-1"], schedule.GetProperty("regions").Strings());
        Assert.Equal(["ec2:instance"], schedule.GetProperty("resource_types").Strings());
        Assert.Equal("stored", schedule.GetProperty("defined_in").GetString());

        var replaced = await client.AnswerAsync("schedule_compliance_audit", """{"name":"nightly-eu","cron":"0 3 * * 1-5"}""");
        Assert.False(replaced.GetProperty("created").GetBoolean());

        var listed = await WaitForNextRunAsync(client, "nightly-eu");
        Assert.Equal("0 3 * * 1-5", listed.GetProperty("cron").GetString());
        Assert.Equal("UTC", listed.GetProperty("time_zone").GetString());
        Assert.Empty(listed.GetProperty("regions").EnumerateArray());
        var next = listed.GetProperty("next_run").GetDateTimeOffset();
        Assert.Equal(3, next.UtcDateTime.Hour);
        Assert.InRange(next.UtcDateTime.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday);
    }

    [Theory]
    [InlineData("""{"name":"x","cron":"0 6 * *"}""", "has 4 fields")]
    [InlineData("""{"name":"x","cron":"0 6 * * *","time_zone":"Mars/Base"}""", "IANA time zone")]
    [InlineData("""{"name":"../etc","cron":"0 6 * * *"}""", "name '../etc' is not accepted")]
    [InlineData("""{"name":"x","cron":"0 6 * * *","regions":["moon-1"]}""", "is not a region code")]
    [InlineData("""{"name":"x","cron":"0 6 * * *","resource_types":["ec2:teapot"]}""", "ec2:teapot")]
    public async Task Bad_arguments_are_refused_saying_what_is_accepted(string arguments, string expected)
    {
        await using var host = McpTestHost.Start();
        await using var client = await host.ConnectAsync();
        var error = await client.ErrorAsync("schedule_compliance_audit", arguments);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty((await client.AnswerAsync("list_schedules")).GetProperty("schedules").EnumerateArray());
    }

    [Fact]
    public async Task A_schedule_from_settings_is_listed_and_cannot_be_changed_here()
    {
        await using var host = McpTestHost.Start(new Dictionary<string, string?>
        {
            ["FinOps:Schedules:weekly-all:Cron"] = "0 6 * * 1",
            ["FinOps:Schedules:weekly-all:Types"] = "ec2:instance,s3:bucket",
        });
        await using var client = await host.ConnectAsync();

        var listed = await WaitForNextRunAsync(client, "weekly-all");
        Assert.Equal("settings", listed.GetProperty("defined_in").GetString());
        var error = await client.ErrorAsync("schedule_compliance_audit", """{"name":"Weekly-All","cron":"* * * * *"}""");
        Assert.Contains("FinOps:Schedules:weekly-all", error, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForNextRunAsync(ModelContextProtocol.Client.McpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var schedules = (await client.AnswerAsync("list_schedules")).GetProperty("schedules").EnumerateArray().ToList();
            var found = schedules.FirstOrDefault(s => string.Equals(s.GetProperty("name").GetString(), id, StringComparison.OrdinalIgnoreCase));
            if (found.ValueKind == JsonValueKind.Object && found.GetProperty("next_run").ValueKind != JsonValueKind.Null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"list_schedules never showed {id} with a next run.");
            await Task.Delay(200);
        }
    }
}
