using System.Data.Common;
using FinOps.Domain.History;
using FinOps.Domain.Resources;
using FinOps.Store.Codecs;
using FinOps.Store.Sql;

namespace FinOps.Store.History;

/// <summary>
/// The resources whose observation differs between the states as of two scans. The database compares observation ids
/// (an unchanged resource has the same id in both states); only the differing observations' payloads are read.
/// </summary>
internal static class ChangeReader
{
    public static async Task<IReadOnlyList<ObservationChange>> ReadAsync(DbConnection connection, DbTransaction? transaction,
        long beforeSeq, long afterSeq, CancellationToken cancellationToken)
    {
        var units = await UnitCatalog.ReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var changes = new Dictionary<string, (Side? Before, Side? After)>(StringComparer.Ordinal);
        await using var command = connection.Command(transaction, StateQueries.Differences)
            .With("@before", beforeSeq).With("@after", afterSeq);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var after = reader.GetInt32(0) == 1;
            var unit = units[reader.GetInt32(1)];
            var payload = (byte[])reader.GetValue(3);
            var side = new Side(payload, ObservationCodec.Read(payload, reader.GetString(2), unit.ResourceType, unit.Region));
            var pair = changes.GetValueOrDefault(side.Resource.Arn);
            changes[side.Resource.Arn] = after ? pair with { After = side } : pair with { Before = side };
        }

        // Two observations with equal content (a value changed and changed back) are no change.
        return [.. changes
            .Where(c => c.Value.Before is null || c.Value.After is null || !c.Value.Before.Payload.AsSpan().SequenceEqual(c.Value.After.Payload))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ObservationChange(c.Key, c.Value.Before?.Resource, c.Value.After?.Resource))];
    }

    /// <summary>One state's observation of a resource: as stored and as read.</summary>
    private sealed record Side(byte[] Payload, CloudResource Resource);
}
