using System.Collections.Immutable;
using System.Text.Json;
using FinOps.Domain.Schedules;

namespace FinOps.Store.Schedules;

/// <summary>A run's follow-ups as JSON in <c>schedule_runs.follow_ups</c>.</summary>
internal static class FollowUpJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string? Write(ImmutableArray<RunFollowUp> followUps) =>
        followUps.IsDefaultOrEmpty ? null : JsonSerializer.Serialize(followUps.ToArray(), Options);

    public static ImmutableArray<RunFollowUp> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return [.. JsonSerializer.Deserialize<RunFollowUp[]>(json, Options) ?? []];
        }
        catch (JsonException)
        {
            return [new RunFollowUp("store", 0, 0, [new DeliveryFailure("store", "-", "The stored follow-ups of this run could not be read.", 0)])];
        }
    }
}
