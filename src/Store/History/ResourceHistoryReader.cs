using System.Data.Common;
using FinOps.Domain.History;
using FinOps.Store.Codecs;
using FinOps.Store.Sql;

namespace FinOps.Store.History;

/// <summary>
/// One resource's kept observations, newest scan first. The path is three index lookups: the ARN's resource rows
/// (<c>ix_resources_arn</c>), their observations (<c>ix_observations_resource_id</c>) and the scans referencing each
/// observation (<c>ix_scan_observations_observation_scan</c>); an unchanged resource has one observation referenced by
/// many scans, so the payload is decoded once per distinct observation.
/// </summary>
internal static class ResourceHistoryReader
{
    /// <summary>(scan_id, completed_ticks, policy_hash, region, resource_type, observation id, payload) for <c>@arn</c>.</summary>
    public const string Sql =
        "SELECT s.scan_id, s.completed_ticks, s.policy_hash, u.region, u.resource_type, o.id, o.payload FROM resources r " +
        "JOIN observations o ON o.resource_id = r.id " +
        "JOIN scan_observations so ON so.observation_id = o.id " +
        "JOIN scans s ON s.seq = so.scan_seq " +
        "JOIN units u ON u.id = r.unit_id " +
        "WHERE r.arn = @arn ORDER BY so.scan_seq DESC LIMIT @limit";

    public static async Task<IReadOnlyList<ResourceObservation>> ReadAsync(DbConnection connection, DbTransaction? transaction, string arn, int limit,
        CancellationToken cancellationToken)
    {
        var decoded = new Dictionary<long, Domain.Resources.CloudResource>();
        var found = new List<ResourceObservation>();
        await using var command = connection.Command(transaction, Sql).With("@arn", arn).With("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(5);
            if (!decoded.TryGetValue(id, out var resource))
            {
                resource = ObservationCodec.Read((byte[])reader.GetValue(6), arn, reader.GetString(4), reader.GetString(3));
                decoded[id] = resource;
            }

            found.Add(new ResourceObservation(reader.GetString(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetString(2), resource));
        }

        return found;
    }
}
